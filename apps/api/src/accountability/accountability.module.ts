import { Module } from '@nestjs/common';
import { AccountabilityController } from './accountability.controller';
import { AccountabilityRepository } from './accountability.repository';
import { AccountabilityService } from './accountability.service';

/** 项目进展公开: the public's view of funded projects, and the grant reads the organization's history shares. */
@Module({
  controllers: [AccountabilityController],
  providers: [AccountabilityService, AccountabilityRepository],
  exports: [AccountabilityRepository],
})
export class AccountabilityModule {}

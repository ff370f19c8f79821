import { Module } from '@nestjs/common';
import { SanctionsController } from './sanctions.controller';
import { SanctionsRepository } from './sanctions.repository';
import { SanctionsService } from './sanctions.service';

/** 限制申报: sanctions on organizations, recorded by the grants ledger's breach terminations. */
@Module({
  controllers: [SanctionsController],
  providers: [SanctionsRepository, SanctionsService],
  exports: [SanctionsRepository, SanctionsService],
})
export class SanctionsModule {}

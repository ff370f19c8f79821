import { Module } from '@nestjs/common';
import { AgreementsController } from './agreements.controller';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';

@Module({
  controllers: [AgreementsController],
  providers: [AgreementsService, AgreementsRepository],
})
export class AgreementsModule {}

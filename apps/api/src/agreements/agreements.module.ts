import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { CompetitionsModule } from '../competitions/competitions.module';
import { AgreementJobsService } from './agreement-jobs.service';
import { AgreementsController } from './agreements.controller';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';

@Module({
  imports: [PersistenceModule, CompetitionsModule],
  controllers: [AgreementsController],
  providers: [AgreementsService, AgreementsRepository, AgreementJobsService],
  exports: [AgreementJobsService],
})
export class AgreementsModule {}

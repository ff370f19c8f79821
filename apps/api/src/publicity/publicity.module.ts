import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { AgreementsModule } from '../agreements/agreements.module';
import { CompetitionsModule } from '../competitions/competitions.module';
import { ResultsModule } from '../results/results.module';
import { ObjectionsController } from './objections.controller';
import { ObjectionsRepository } from './objections.repository';
import { ObjectionsService } from './objections.service';
import { PublicationController } from './publication.controller';
import { PublicationService } from './publication.service';
import { PublicityRepository } from './publicity.repository';

@Module({
  imports: [PersistenceModule, CompetitionsModule, ResultsModule, AgreementsModule],
  controllers: [PublicationController, ObjectionsController],
  providers: [PublicationService, ObjectionsService, PublicityRepository, ObjectionsRepository],
})
export class PublicityModule {}

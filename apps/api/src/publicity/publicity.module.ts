import { Module } from '@nestjs/common';
import { ResultsModule } from '../results/results.module';
import { ObjectionsController } from './objections.controller';
import { ObjectionsRepository } from './objections.repository';
import { ObjectionsService } from './objections.service';
import { PublicationController } from './publication.controller';
import { PublicationService } from './publication.service';

@Module({
  imports: [ResultsModule],
  controllers: [PublicationController, ObjectionsController],
  providers: [PublicationService, ObjectionsService, ObjectionsRepository],
})
export class PublicityModule {}

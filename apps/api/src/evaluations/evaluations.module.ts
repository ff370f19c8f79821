import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';

/** 评估: mid-term and final evaluations of the grants, their panels, results and consequences. */
@Module({
  imports: [GrantsModule, SupervisionModule],
  controllers: [EvaluationsController],
  providers: [EvaluationsRepository, EvaluationsService],
})
export class EvaluationsModule {}

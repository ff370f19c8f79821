import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationsRepository } from './evaluations.repository';
import { EvaluationsService } from './evaluations.service';
import { EvaluatorSignInLimiter } from './evaluator-sign-in-limiter';
import { EvaluatorTabletController } from './evaluator-tablet.controller';
import { EvaluatorTabletService } from './evaluator-tablet.service';

/** 评估: mid-term and final evaluations of the grants, their panels, evaluators' tablets, results and consequences. */
@Module({
  imports: [GrantsModule, SupervisionModule],
  controllers: [EvaluationsController, EvaluatorTabletController],
  providers: [EvaluationsRepository, EvaluationsService, EvaluatorTabletService, EvaluatorSignInLimiter],
})
export class EvaluationsModule {}

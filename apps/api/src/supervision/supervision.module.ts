import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { SanctionsModule } from '../sanctions/sanctions.module';
import { MonthlyChecksController } from './monthly-checks.controller';
import { MonthlyChecksRepository } from './monthly-checks.repository';
import { MonthlyChecksService } from './monthly-checks.service';
import { TerminationProposalsController } from './termination-proposals.controller';
import { TerminationProposalsRepository } from './termination-proposals.repository';
import { TerminationProposalsService } from './termination-proposals.service';

/**
 * 项目监管: termination proposals and their decisions, and the monthly checks whose exit rule proposes. Other features propose through
 * `TerminationProposalsService.propose` (idempotent while a proposal is open).
 */
@Module({
  imports: [GrantsModule, SanctionsModule],
  controllers: [TerminationProposalsController, MonthlyChecksController],
  providers: [
    TerminationProposalsRepository,
    TerminationProposalsService,
    MonthlyChecksRepository,
    MonthlyChecksService,
  ],
  exports: [TerminationProposalsService],
})
export class SupervisionModule {}

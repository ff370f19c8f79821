import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { SanctionsModule } from '../sanctions/sanctions.module';
import { EligibilityRepository } from './eligibility.repository';
import { EligibilityService } from './eligibility.service';
import { MonthlyChecksController } from './monthly-checks.controller';
import { MonthlyChecksRepository } from './monthly-checks.repository';
import { MonthlyChecksService } from './monthly-checks.service';
import { TerminationProposalsController } from './termination-proposals.controller';
import { TerminationProposalsRepository } from './termination-proposals.repository';
import { TerminationProposalsService } from './termination-proposals.service';

/**
 * 项目监管: termination proposals and their decisions, the monthly checks whose exit rule proposes, and
 * the eligibility rules submissions are held to. Other features propose through
 * `TerminationProposalsService.propose` (idempotent while a proposal is open); submissions call
 * `EligibilityService.assertEligible`.
 */
@Module({
  imports: [GrantsModule, SanctionsModule],
  controllers: [TerminationProposalsController, MonthlyChecksController],
  providers: [
    TerminationProposalsRepository,
    TerminationProposalsService,
    MonthlyChecksRepository,
    MonthlyChecksService,
    EligibilityRepository,
    EligibilityService,
  ],
  exports: [TerminationProposalsService, EligibilityService],
})
export class SupervisionModule {}

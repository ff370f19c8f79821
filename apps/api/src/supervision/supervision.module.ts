import { Module } from '@nestjs/common';
import { GrantsModule } from '../grants/grants.module';
import { SanctionsModule } from '../sanctions/sanctions.module';
import { TerminationProposalsController } from './termination-proposals.controller';
import { TerminationProposalsRepository } from './termination-proposals.repository';
import { TerminationProposalsService } from './termination-proposals.service';

/**
 * 项目监管: termination proposals and their decisions. Other features propose through
 * `TerminationProposalsService.propose` (idempotent while a proposal is open).
 */
@Module({
  imports: [GrantsModule, SanctionsModule],
  controllers: [TerminationProposalsController],
  providers: [TerminationProposalsRepository, TerminationProposalsService],
  exports: [TerminationProposalsService],
})
export class SupervisionModule {}

import { Module } from '@nestjs/common';
import { SanctionsModule } from '../sanctions/sanctions.module';
import { BudgetChangesController } from './budget-changes.controller';
import { BudgetChangesRepository } from './budget-changes.repository';
import { BudgetChangesService } from './budget-changes.service';
import { GrantReportsController } from './grant-reports.controller';
import { GrantReportsRepository } from './grant-reports.repository';
import { GrantReportsService } from './grant-reports.service';
import { GrantViews } from './grant-views';
import { GrantsController } from './grants.controller';
import { GrantsRepository } from './grants.repository';
import { GrantsService } from './grants.service';
import { PaymentDocumentsService } from './payment-documents.service';
import { TranchesController } from './tranches.controller';
import { TranchesService } from './tranches.service';

/** 资助管理: the grants ledger, from the accepted signed agreement to the last fen paid or refunded. */
@Module({
  imports: [SanctionsModule],
  controllers: [GrantsController, TranchesController, GrantReportsController, BudgetChangesController],
  providers: [
    GrantsRepository,
    GrantReportsRepository,
    BudgetChangesRepository,
    GrantViews,
    GrantsService,
    TranchesService,
    GrantReportsService,
    BudgetChangesService,
    PaymentDocumentsService,
  ],
  exports: [GrantsRepository, GrantsService],
})
export class GrantsModule {}

import { Module } from '@nestjs/common';
import { PersistenceModule } from '@app/persistence';
import { AuthModule } from '../auth/auth.module';
import { GrantsModule } from '../grants/grants.module';
import { SupervisionModule } from '../supervision/supervision.module';
import { VotesModule } from '../votes/votes.module';
import { CommunityNeedsController } from './community-needs.controller';
import { CommunityNeedsService } from './community-needs.service';
import { NeedGuard } from './need-guard';
import { NeedsFunnelService } from './needs-funnel.service';
import { NeedsRepository } from './needs.repository';
import { NeedsReviewController } from './needs-review.controller';
import { NeedsReviewService } from './needs-review.service';
import { PurchasesService } from './purchases.service';
import { ResidentsController } from './residents.controller';
import { ResidentsService } from './residents.service';
import { ServiceOrdersController } from './service-orders.controller';
import { ServiceOrdersService } from './service-orders.service';

/**
 * 点单式: residents post and support needs on their community's wall, communities moderate and draft
 * service orders, organizations take them in a competition or by direct purchase, the grants ledger
 * pays, residents rate the delivery. Phone verification and anti-spam come from the public vote.
 */
@Module({
  imports: [PersistenceModule, AuthModule, VotesModule, SupervisionModule, GrantsModule],
  controllers: [ResidentsController, CommunityNeedsController, NeedsReviewController, ServiceOrdersController],
  providers: [
    NeedsRepository,
    NeedGuard,
    ResidentsService,
    CommunityNeedsService,
    ServiceOrdersService,
    NeedsFunnelService,
    PurchasesService,
    NeedsReviewService,
  ],
})
export class NeedsModule {}

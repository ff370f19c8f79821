import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { AppConfig, ConfigModule } from '@app/config';
import { ApplicationModule, ProducerRedis } from '@app/application';
import { AccountabilityModule } from './accountability/accountability.module';
import { AdminModule } from './admin/admin.module';
import { AgreementsModule } from './agreements/agreements.module';
import { AuditLogModule } from './audit/audit-log.module';
import { AuthModule } from './auth/auth.module';
import { CompetitionsModule } from './competitions/competitions.module';
import { EvaluationsModule } from './evaluations/evaluations.module';
import { GrantsModule } from './grants/grants.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { NeedsModule } from './needs/needs.module';
import { OpsModule } from './ops/ops.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PublicityModule } from './publicity/publicity.module';
import { RedisModule } from './redis/redis.module';
import { ResultsModule } from './results/results.module';
import { ComponentsModule } from './components/components.module';
import { RoadshowsModule } from './roadshows/roadshows.module';
import { SanctionsModule } from './sanctions/sanctions.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { SupervisionModule } from './supervision/supervision.module';
import { VocabularyModule } from './vocabulary/vocabulary.module';
import { VotesModule } from './votes/votes.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ApplicationModule,
        RedisModule,
        BullModule.forRootAsync({
          inject: [ProducerRedis],
          useFactory: (redis: ProducerRedis) => ({ connection: redis.client, prefix: config.queue.prefix }),
        }),
        AuthModule,
        HealthModule,
        OpsModule,
        LiveModule,
        RoadshowsModule,
        OrganizationsModule,
        CompetitionsModule,
        SubmissionsModule,
        ResultsModule,
        ComponentsModule,
        PublicityModule,
        AgreementsModule,
        GrantsModule,
        AccountabilityModule,
        EvaluationsModule,
        SanctionsModule,
        SupervisionModule,
        AuditLogModule,
        NeedsModule,
        VocabularyModule,
        WebhooksModule,
        NotificationsModule,
        VotesModule,
        AdminModule,
      ],
    };
  }
}

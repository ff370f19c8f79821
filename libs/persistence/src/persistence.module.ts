import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditRepository } from './audit/audit.repository';
import { CompetitionsRepository } from './competition/competitions.repository';
import { ComponentValuesRepository } from './components/component-values.repository';
import { dataSourceOptions, scopedDataSource } from './data-source';
import { OutboxRepository } from './results/outbox.repository';
import { PublicityRepository } from './results/publicity.repository';
import { RankingRunsRepository } from './results/ranking-runs.repository';
import { LiveEventRepository } from './roadshow/live-event.repository';
import { NotificationsRepository } from './notify/notifications.repository';
import { WebhooksRepository } from './notify/webhooks.repository';

/** Repositories of the tables both the API and the worker read and write. */
const SHARED_REPOSITORIES = [
  AuditRepository,
  CompetitionsRepository,
  ComponentValuesRepository,
  OutboxRepository,
  PublicityRepository,
  RankingRunsRepository,
  LiveEventRepository,
  NotificationsRepository,
  WebhooksRepository,
];

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
      dataSourceFactory: (options) => scopedDataSource(options!).initialize(),
    }),
    TypeOrmModule.forFeature([AuditEvent]),
  ],
  providers: SHARED_REPOSITORIES,
  exports: SHARED_REPOSITORIES,
})
export class PersistenceModule {}

import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { CompetitionLifecycle } from './competition/competition-lifecycle';
import { ScoreComponents } from './components/score-components';
import { JobOutbox } from './jobs/job-outbox';
import { AwardCompetition } from './publicity/award-competition';
import { ProducerRedis } from './redis/producer-redis';
import { SignalBus } from './signals/signal-bus';
import { EMAIL_PROVIDER, emailProviderOf } from './notifications/email-provider';
import { Notifier } from './notifications/notifier';
import { SMS_PROVIDER, smsProviderOf } from './notifications/sms-provider';
import { WebhookEvents } from './webhooks/webhook-events';

const USE_CASES = [
  CompetitionLifecycle,
  JobOutbox,
  AwardCompetition,
  SignalBus,
  ScoreComponents,
  WebhookEvents,
  Notifier,
];

/** The configured senders of the copies of notifications outside the inbox, and of the vote's SMS codes. */
const MESSAGE_PROVIDERS = [
  { provide: SMS_PROVIDER, inject: [AppConfig], useFactory: smsProviderOf },
  { provide: EMAIL_PROVIDER, inject: [AppConfig], useFactory: emailProviderOf },
];

/**
 * The steps the API and the worker share (novu's application-generic is the model): a state change
 * with its audit row, the award, queuing a job, the signals between processes. Each lives here
 * once; apps call them and never spell the rule again.
 */
@Global()
@Module({
  imports: [PersistenceModule],
  providers: [
    {
      provide: ProducerRedis,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const redis = new ProducerRedis(config.redis.url);
        await redis.connect();
        return redis;
      },
    },
    ...USE_CASES,
    ...MESSAGE_PROVIDERS,
  ],
  exports: [PersistenceModule, ProducerRedis, ...USE_CASES, SMS_PROVIDER, EMAIL_PROVIDER],
})
export class ApplicationModule implements OnApplicationShutdown {
  constructor(private readonly redis: ProducerRedis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.disconnect();
  }
}

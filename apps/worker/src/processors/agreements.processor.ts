import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { DomainError } from '@app/domain';
import { JOB_OPTIONS, JobName, QueueName, RenderAgreementsPayload, jobIdFor, redisOptionsFor } from '@app/queue';
import { ReportsError } from '@app/reports';
import { ClosePublicityHandler, ClosePublicityResult } from '../handlers/close-publicity.handler';
import {
  RenderAgreementsHandler,
  RenderAgreementsProgress,
  RenderAgreementsResult,
} from '../handlers/render-agreements.handler';

/**
 * Every minute, on the minute: an award is at most a minute late. A cron pattern rather than
 * `every`, which would also fire each time a worker starts and upserts the schedule.
 */
const CLOSE_PUBLICITY_PATTERN = '* * * * *';

/** Redis channel that carries agreement rendering progress for one competition (namespaced like the queues). */
export function agreementsProgressChannel(prefix: string, competitionId: string): string {
  return `${prefix}:agreements:progress:${competitionId}`;
}

@Processor(QueueName.Agreements)
export class AgreementsProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AgreementsProcessor.name);
  /** Fail-fast like a producer: a Redis hiccup drops a progress message, it never stalls rendering. */
  private readonly publisher: Redis;

  constructor(
    private readonly render: RenderAgreementsHandler,
    private readonly closePublicity: ClosePublicityHandler,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Agreements) private readonly queue: Queue,
  ) {
    super();
    this.publisher = new Redis({ ...redisOptionsFor(config.redis.url, 'producer'), lazyConnect: true });
    this.publisher.on('error', (error: Error) => this.logger.debug(`progress publisher: ${error.message}`));
  }

  onApplicationShutdown(): void {
    this.publisher.disconnect();
  }

  /**
   * The schedule lives in Redis under a fixed id, so every worker upserting it at start keeps
   * exactly one schedule, and a tick is taken by one worker only.
   */
  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.queue.workerConcurrency;
    this.publisher.connect().catch((error: Error) => this.logger.warn(`progress publisher: ${error.message}`));
    await this.queue.upsertJobScheduler(
      jobIdFor({ name: JobName.ClosePublicity, data: {} }),
      { pattern: CLOSE_PUBLICITY_PATTERN },
      { name: JobName.ClosePublicity, data: {}, opts: JOB_OPTIONS[JobName.ClosePublicity] },
    );
  }

  async process(job: Job): Promise<RenderAgreementsResult | ClosePublicityResult> {
    const name = job.name as JobName;
    try {
      switch (name) {
        case JobName.RenderAgreements:
          return await this.render.handle(job.data as RenderAgreementsPayload, {
            generatedAt: new Date(job.timestamp),
            onProgress: (progress) => this.reportProgress(job, progress),
          });
        case JobName.ClosePublicity:
          return await this.closePublicity.handle();
        default:
          throw new UnrecoverableError(`unknown job ${String(name)} on queue ${QueueName.Agreements}`);
      }
    } catch (error) {
      // Refusals (wrong state, missing rows, a view the renderer rejects) fail the same way on every attempt.
      if (error instanceof DomainError || error instanceof ReportsError) {
        throw new UnrecoverableError(`${error.name}: ${error.message}`);
      }
      throw error;
    }
  }

  /** Job progress for BullMQ clients, and a Redis message for live views; a lost message loses nothing. */
  private async reportProgress(job: Job, progress: RenderAgreementsProgress): Promise<void> {
    await job.updateProgress({ ...progress });
    try {
      await this.publisher.publish(
        agreementsProgressChannel(this.config.queue.prefix, progress.competitionId),
        JSON.stringify(progress),
      );
    } catch (error) {
      this.logger.warn(`progress message not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

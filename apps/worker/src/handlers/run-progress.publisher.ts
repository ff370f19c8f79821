import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';
import { redisOptionsFor } from '@app/queue';
import type { RankingRunStatus } from '@app/persistence';

/**
 * The pub/sub channel of one run's progress. The API's RunSignals subscribes to the same name
 * (apps/api/src/results/run-signals.ts); apps do not import each other, so both spell it out.
 */
export function runProgressChannel(runId: string): string {
  return `ranking-run:${runId}`;
}

export interface RunProgressMessage {
  readonly runId: string;
  readonly status: RankingRunStatus;
  readonly progress: number;
}

/**
 * Tells API processes that a run moved, so the office's SSE stream updates at once. The
 * ranking_run row is the truth and the stream also reads it on a timer, so a lost message only
 * delays an update: publishing fails fast and never fails the run.
 */
@Injectable()
export class RunProgressPublisher implements OnApplicationShutdown {
  private readonly client: Redis;
  private readonly logger = new Logger('ranking');

  constructor(config: AppConfig) {
    this.client = new Redis({ ...redisOptionsFor(config.redis.url, 'producer'), lazyConnect: true });
    this.client.on('error', (error: Error) => this.logger.debug(`progress publisher: ${error.message}`));
  }

  async publish(message: RunProgressMessage): Promise<void> {
    try {
      if (this.client.status === 'wait') await this.client.connect();
      await this.client.publish(runProgressChannel(message.runId), JSON.stringify(message));
    } catch (error) {
      this.logger.debug(
        `progress of run ${message.runId} not published: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  onApplicationShutdown(): void {
    // disconnect, not quit: QUIT cannot be sent while Redis is away and would hold the shutdown.
    this.client.disconnect();
  }
}

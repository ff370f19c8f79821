import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/queue';
import { ProducerRedis } from '@app/application';
import { ComponentHealthDto, HealthResponseDto, WorkerHealthDto } from './dto/health-response.dto';

const PROBE_TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${PROBE_TIMEOUT_MS} ms`)),
      PROBE_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.System) private readonly systemQueue: Queue,
    private readonly redis: ProducerRedis,
  ) {
    // BullMQ prints every connection error of a queue without a listener; the health route reports them instead.
    const logger = new Logger('queue');
    this.systemQueue.on('error', (error: Error) => logger.debug(error.message));
  }

  async check(): Promise<HealthResponseDto> {
    const [postgres, redis] = await Promise.all([
      this.probe(() => this.dataSource.query('SELECT 1'), 'postgres'),
      this.probe(() => this.redis.ping(), 'redis'),
    ]);
    const worker = redis.status === 'up' ? await this.workers() : { status: 'unknown' as const, count: 0 };
    return {
      status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded',
      postgres,
      redis,
      worker,
    };
  }

  private async workers(): Promise<WorkerHealthDto> {
    try {
      const count = await withTimeout(this.systemQueue.getWorkersCount(), 'redis');
      return { status: count > 0 ? 'up' : 'down', count };
    } catch {
      return { status: 'unknown', count: 0 };
    }
  }

  private async probe(run: () => Promise<unknown>, what: string): Promise<ComponentHealthDto> {
    const started = performance.now();
    try {
      await withTimeout(run(), what);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', error: error instanceof Error ? error.message : String(error) };
    }
  }
}

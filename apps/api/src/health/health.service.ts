import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '@app/queue';
import { ProducerRedis } from '@app/application';
import {
  HealthResponseDto,
  LivenessResponseDto,
  ReadinessResponseDto,
  WorkerHealthDto,
} from './dto/health-response.dto';
import { probe, readiness, withTimeout } from './readiness';

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
      probe(() => this.dataSource.query('SELECT 1'), 'postgres'),
      probe(() => this.redis.ping(), 'redis'),
    ]);
    const worker = redis.status === 'up' ? await this.workers() : { status: 'unknown' as const, count: 0 };
    return {
      status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded',
      postgres,
      redis,
      worker,
    };
  }

  /** The process answers: no dependency is asked, so a database outage never gets the API restarted. */
  live(): LivenessResponseDto {
    return { status: 'alive', uptimeSeconds: Math.floor(process.uptime()) };
  }

  ready(): Promise<ReadinessResponseDto> {
    return readiness({
      postgres: () => this.dataSource.query('SELECT 1'),
      redis: () => this.redis.ping(),
      pendingMigrations: () => this.pendingMigrations(),
    });
  }

  private async pendingMigrations(): Promise<string[]> {
    const applied: { name: string }[] = await this.dataSource.query(
      `SELECT name FROM ${this.dataSource.options.migrationsTableName ?? 'migrations'}`,
    );
    const names = new Set(applied.map((row) => row.name));
    return this.dataSource.migrations
      .map((migration) => migration.name ?? migration.constructor.name)
      .filter((name) => !names.has(name));
  }

  private async workers(): Promise<WorkerHealthDto> {
    try {
      const count = await withTimeout(this.systemQueue.getWorkersCount(), 'redis');
      return { status: count > 0 ? 'up' : 'down', count };
    } catch {
      return { status: 'unknown', count: 0 };
    }
  }
}

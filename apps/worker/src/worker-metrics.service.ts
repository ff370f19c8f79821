import { Server, createServer } from 'node:http';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { admitScraper } from '@app/application';
import { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode } from '@app/domain';

/** Seconds: a probe takes milliseconds, a ranking run of 1,000 projects about 1.4 s, 200 agreements about 13 s. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

const REFUSAL_STATUS: Readonly<Partial<Record<DomainErrorCode, number>>> = {
  [DomainErrorCode.NotFound]: 404,
  [DomainErrorCode.Unauthenticated]: 401,
};

/**
 * The worker's job durations and outcomes, served on a small port of its own (WORKER_METRICS_PORT,
 * 127.0.0.1 by default) behind the API's METRICS_TOKEN. The queues' counts come from the API's
 * /metrics; what only the process running a job knows, how long it took, comes from here.
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('metrics');
  private readonly registry = new Registry();
  private readonly durations = new Histogram({
    name: 'gongyi_job_duration_seconds',
    help: 'Time from a job attempt’s start to its end, by queue, job name and outcome',
    labelNames: ['queue', 'name', 'outcome'],
    buckets: JOB_BUCKETS,
    registers: [this.registry],
  });
  private readonly attempts = new Counter({
    name: 'gongyi_job_attempts_total',
    help: 'Job attempts by queue, job name and outcome (a retried job counts each attempt)',
    labelNames: ['queue', 'name', 'outcome'],
    registers: [this.registry],
  });
  private server: Server | undefined;

  constructor(private readonly config: AppConfig) {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Observes every attempt of a worker's jobs. */
  watch(worker: Worker): void {
    worker.on('completed', (job: Job) => this.observe(job, 'completed'));
    worker.on('failed', (job: Job | undefined) => {
      if (job) this.observe(job, 'failed');
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const address = this.config.metrics.worker;
    if (!address) return;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      try {
        admitScraper(this.config.metrics.token, request.headers.authorization);
      } catch (error) {
        const refusal = error as DomainError;
        response
          .writeHead(REFUSAL_STATUS[refusal.code] ?? 401, { 'content-type': 'application/json; charset=utf-8' })
          .end(
            JSON.stringify({
              code: refusal.code,
              reason: refusal.reason,
              message_zh: refusal.messageZh,
              message_en: refusal.messageEn,
            }),
          );
        return;
      }
      this.registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(address.port, address.host, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${address.host}:${address.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private observe(job: Job, outcome: 'completed' | 'failed'): void {
    const labels = { queue: job.queueName, name: job.name, outcome };
    this.attempts.inc(labels);
    if (job.processedOn !== undefined && job.finishedOn !== undefined) {
      this.durations.observe(labels, (job.finishedOn - job.processedOn) / 1000);
    }
  }
}

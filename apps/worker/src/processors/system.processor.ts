import { OnApplicationBootstrap } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@app/config';
import { JobName, QueueName, SystemProbePayload, SystemProbeResult, WORKER_METRICS } from '@app/queue';
import { SystemProbeHandler } from '../handlers/system-probe.handler';
import { WorkerMetrics } from '../worker-metrics.service';

@Processor(QueueName.System, { metrics: WORKER_METRICS })
export class SystemProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly probe: SystemProbeHandler,
    private readonly config: AppConfig,
    private readonly metrics: WorkerMetrics,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.queue.workerConcurrency;
    this.metrics.watch(this.worker);
  }

  process(job: Job<SystemProbePayload, SystemProbeResult, string>): Promise<SystemProbeResult> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.SystemProbe:
        return Promise.resolve(this.probe.handle(job.data));
      default:
        // A job name this build does not know can never succeed here: do not retry it.
        throw new UnrecoverableError(`unknown job ${String(name)} on queue ${QueueName.System}`);
    }
  }
}

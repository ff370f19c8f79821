import { Processor } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { AppConfig } from '@app/config';
import { JobName, QueueName, SystemProbePayload, SystemProbeResult, WORKER_METRICS } from '@app/queue';
import { SystemProbeHandler } from '../handlers/system-probe.handler';
import { WorkerMetrics } from '../worker-metrics.service';
import { QueueWorker, unknownJob } from './queue-worker';

@Processor(QueueName.System, { metrics: WORKER_METRICS })
export class SystemProcessor extends QueueWorker {
  constructor(
    private readonly probe: SystemProbeHandler,
    config: AppConfig,
    metrics: WorkerMetrics,
  ) {
    super(config, metrics);
  }

  process(job: Job<SystemProbePayload, SystemProbeResult, string>): Promise<SystemProbeResult> {
    const name = job.name as JobName;
    switch (name) {
      case JobName.SystemProbe:
        return Promise.resolve(this.probe.handle(job.data));
      default:
        throw unknownJob(job);
    }
  }
}

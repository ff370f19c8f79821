import { randomUUID } from 'node:crypto';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Job, Queue, Worker } from 'bullmq';
import { loadConfig } from '@app/config';
import { JobName, QueueName, redisOptionsFor } from '@app/queue';
import { OpsQueues } from '../src/ops/ops-queues';

/**
 * An agreements job failed with `error` as a worker whose attempts ran out would fail it (BullMQ's
 * manual fetching), so the queue keeps it for the dashboard. Gives the job as added and as the
 * worker took it: on a queue prefix of the file's own they are the same job.
 */
export async function keptFailedJob(
  app: NestFastifyApplication,
  error: string,
): Promise<{ added: Job; taken: Job | undefined }> {
  const queue = app.get(OpsQueues).all.find((q) => q.name === String(QueueName.Agreements)) as Queue;
  const added = await queue.add(JobName.RenderAgreements, { competitionId: randomUUID() });
  const worker = new Worker(QueueName.Agreements, null, {
    connection: redisOptionsFor(loadConfig(process.env).redis.url, 'worker'),
    prefix: queue.opts.prefix,
  });
  try {
    const taken: Job | undefined = await worker.getNextJob('test-worker');
    await taken?.moveToFailed(new Error(error), 'test-worker');
    return { added, taken };
  } finally {
    await worker.close();
  }
}

import { Job } from 'bullmq';
import { logContext } from '@app/config';

/** Runs a job's work so that every log line it writes names the queue and the job. */
export function jobContext<T>(job: Job, work: () => Promise<T>): Promise<T> {
  return logContext.run({ queue: job.queueName, jobId: job.id ?? '' }, work);
}

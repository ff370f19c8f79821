import { JobName, QueueName } from './queue-names';

/** Job data holds ids and plain values only, never personal data: Redis is not the audited store. */
export interface SystemProbePayload {
  readonly requestedBy: string;
}

export interface SystemProbeResult {
  readonly requestedBy: string;
  readonly workerPid: number;
}

export type JobPayload = { readonly name: JobName.SystemProbe; readonly data: SystemProbePayload };

export type JobDataOf<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Which queue carries each job. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SystemProbe]: QueueName.System,
};

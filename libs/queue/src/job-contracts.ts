import { JobName, QueueName } from './queue-names';

/** Job data holds ids and plain values only, never personal data: Redis is not the audited store. */
export interface SystemProbePayload {
  readonly requestedBy: string;
}

export interface SystemProbeResult {
  readonly requestedBy: string;
  readonly workerPid: number;
}

export interface RankAndAllocatePayload {
  readonly runId: string;
}

export interface RenderAgreementsPayload {
  readonly competitionId: string;
  readonly runId: string;
  /** Bumped when the office asks to regenerate, so the job id (and the work) is new. */
  readonly generation: number;
}

/** The scheduler's tick carries nothing: the handler finds the expired notice periods itself. */
export type ClosePublicityPayload = Readonly<Record<string, never>>;

export type JobPayload =
  | { readonly name: JobName.SystemProbe; readonly data: SystemProbePayload }
  | { readonly name: JobName.RankAndAllocate; readonly data: RankAndAllocatePayload }
  | { readonly name: JobName.RenderAgreements; readonly data: RenderAgreementsPayload }
  | { readonly name: JobName.ClosePublicity; readonly data: ClosePublicityPayload };

export type JobDataOf<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Which queue carries each job. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SystemProbe]: QueueName.System,
  [JobName.RankAndAllocate]: QueueName.Ranking,
  [JobName.RenderAgreements]: QueueName.Agreements,
  [JobName.ClosePublicity]: QueueName.Agreements,
};

/** Job ids come from the natural key, so enqueuing the same work twice is a no-op (BullMQ forbids ":" in them). */
export function jobIdFor(payload: JobPayload): string {
  switch (payload.name) {
    case JobName.SystemProbe:
      return `probe-${payload.data.requestedBy}`;
    case JobName.RankAndAllocate:
      return `run-${payload.data.runId}`;
    case JobName.RenderAgreements:
      return `agreements-${payload.data.runId}-${payload.data.generation}`;
    case JobName.ClosePublicity:
      // The job scheduler's id: upserting it again replaces the schedule instead of adding one.
      return 'publicity-close-expired';
  }
}

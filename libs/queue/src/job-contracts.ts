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

export interface DeliverWebhookPayload {
  readonly eventId: string;
  readonly endpointId: string;
  /** Set when a person replays a delivery: a fresh job, so attempts count from 1 again. */
  readonly replayId?: string;
}

export interface SendNotificationPayload {
  readonly organizationId: string;
  /** The notification rows' dedup key: what the organization is being told about. */
  readonly dedupKey: string;
}

/** The scheduler's tick carries nothing: the handler finds the reports due itself. */
export type RemindReportsPayload = Readonly<Record<string, never>>;

export type JobPayload =
  | { readonly name: JobName.SystemProbe; readonly data: SystemProbePayload }
  | { readonly name: JobName.RankAndAllocate; readonly data: RankAndAllocatePayload }
  | { readonly name: JobName.RenderAgreements; readonly data: RenderAgreementsPayload }
  | { readonly name: JobName.ClosePublicity; readonly data: ClosePublicityPayload }
  | { readonly name: JobName.DeliverWebhook; readonly data: DeliverWebhookPayload }
  | { readonly name: JobName.SendNotification; readonly data: SendNotificationPayload }
  | { readonly name: JobName.RemindReports; readonly data: RemindReportsPayload };

export type JobDataOf<N extends JobName> = Extract<JobPayload, { name: N }>['data'];

/** Which queue carries each job. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.SystemProbe]: QueueName.System,
  [JobName.RankAndAllocate]: QueueName.Ranking,
  [JobName.RenderAgreements]: QueueName.Agreements,
  [JobName.ClosePublicity]: QueueName.Agreements,
  [JobName.DeliverWebhook]: QueueName.Webhooks,
  [JobName.SendNotification]: QueueName.Notifications,
  [JobName.RemindReports]: QueueName.Notifications,
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
    case JobName.DeliverWebhook:
      return payload.data.replayId === undefined
        ? `webhook-${payload.data.eventId}-${payload.data.endpointId}`
        : `webhook-replay-${payload.data.replayId}`;
    case JobName.SendNotification:
      return `notify-${payload.data.dedupKey}-${payload.data.organizationId}`;
    case JobName.RemindReports:
      return 'notifications-remind-reports';
  }
}

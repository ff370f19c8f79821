import { MetricsTime } from 'bullmq';
import type { JobsOptions, MetricsOptions } from 'bullmq';
import { JobName } from './queue-names';

const KEEP_FAILED = { age: 30 * 24 * 3600 };

/** Work a person asked for (a run, agreements, a message): retried through brief outages, kept a week. */
const RETRIED: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: KEEP_FAILED,
};

/** A periodic tick: the next one makes up a failed one, so it is tried once and kept an hour. */
const TICK: JobsOptions = {
  attempts: 1,
  removeOnComplete: { age: 3600, count: 100 },
  removeOnFail: KEEP_FAILED,
};

/**
 * One table of delivery settings. Failed jobs are kept a month (a lost failure is a lost
 * explanation), the system probe's a week; completed ones are trimmed by age and count so Redis does
 * not grow without bound. Transient failures (database or Redis briefly away) retry with exponential
 * backoff; handlers throw UnrecoverableError for permanent ones (bad rules) so those are not retried.
 */
export const JOB_OPTIONS: Readonly<Record<JobName, JobsOptions>> = {
  [JobName.SystemProbe]: { ...TICK, removeOnFail: { age: 7 * 24 * 3600 } },
  [JobName.RankAndAllocate]: RETRIED,
  [JobName.RenderAgreements]: RETRIED,
  // A missed tick is made up by the next one a minute later.
  [JobName.ClosePublicity]: TICK,
  // A receiver that is down for a while still gets the event: tries after 1, 2, 4, 8 and 16 s, then 32 s.
  [JobName.DeliverWebhook]: { ...RETRIED, attempts: 7, backoff: { type: 'exponential', delay: 1000 } },
  [JobName.SendNotification]: RETRIED,
  // Reminders are idempotent per report and state, so the next hourly tick makes up a failed one.
  [JobName.RemindReports]: TICK,
};

/**
 * Every worker counts its completed and failed jobs per minute in Redis (BullMQ's metrics), kept
 * two weeks: the API exports the totals per queue at /metrics without asking the worker.
 */
export const WORKER_METRICS: MetricsOptions = { maxDataPoints: MetricsTime.TWO_WEEKS };

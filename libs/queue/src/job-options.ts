import type { JobsOptions } from 'bullmq';
import { JobName } from './queue-names';

/**
 * One table of delivery settings. Failed jobs are always kept (a lost failure is a lost
 * explanation); completed ones are trimmed by age and count so Redis does not grow without bound.
 */
export const JOB_OPTIONS: Readonly<Record<JobName, JobsOptions>> = {
  [JobName.SystemProbe]: {
    attempts: 1,
    removeOnComplete: { age: 3600, count: 100 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
};

import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving one request or running one job says about it. */
export type LogFields = Readonly<Record<string, string>>;

const storage = new AsyncLocalStorage<LogFields>();

/**
 * Carries a request's id (or a job's id and queue) to every log line written on its behalf, however
 * deep the code that writes it, without threading it through every call.
 */
export const logContext = {
  run<T>(fields: LogFields, work: () => T): T {
    return storage.run(fields, work);
  },
  current(): LogFields | undefined {
    return storage.getStore();
  },
};

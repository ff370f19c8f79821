import { BeforeApplicationShutdown, Injectable, Logger, MessageEvent } from '@nestjs/common';
import { Observable, Subscriber } from 'rxjs';
import { RankingRun } from '@app/persistence';
import { RankingRunsRepository } from './ranking-runs.repository';
import { RUN_NOT_FOUND } from './ranking-runs.service';
import { RunSignals } from './run-signals';

/** Reads the run without a signal this often, in case one was lost (or Redis is away). */
const POLL_MS = 1_000;
/** Proxies close connections that stay silent for about a minute. */
const HEARTBEAT_MS = 15_000;
/** How long an EventSource waits before reconnecting. */
const CLIENT_RETRY_MS = 2_000;

export const RUN_PROGRESS_EVENT = 'progress';

function isFinal(run: RankingRun): boolean {
  return run.status === 'succeeded' || run.status === 'failed';
}

function eventOf(run: RankingRun): MessageEvent {
  const data: Record<string, unknown> = { runId: run.id, status: run.status, progress: run.progress };
  if (run.status === 'failed') data.errorCode = run.errorCode;
  return { type: RUN_PROGRESS_EVENT, data: JSON.stringify(data), retry: CLIENT_RETRY_MS };
}

/**
 * A run's progress as server-sent events: the state at once, then every change until the run
 * succeeds or fails, when the stream ends. The ranking_run row is the truth; the worker's Redis
 * signal only says when to read it, and a timer reads it anyway.
 */
@Injectable()
export class RunEventsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('results');
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    private readonly runs: RankingRunsRepository,
    private readonly signals: RunSignals,
  ) {}

  async stream(runId: string): Promise<Observable<MessageEvent>> {
    const first = await this.runs.findRun(runId);
    if (!first) throw RUN_NOT_FOUND;
    return new Observable<MessageEvent>((subscriber) => {
      this.open.add(subscriber);
      let last = '';
      let reading: Promise<void> | undefined;
      let dirty = false;
      const deliver = (run: RankingRun) => {
        const key = `${run.status}:${run.progress}`;
        if (key !== last) {
          last = key;
          subscriber.next(eventOf(run));
        }
        if (isFinal(run)) subscriber.complete();
      };
      const read = (): void => {
        if (subscriber.closed) return;
        if (reading) {
          dirty = true;
          return;
        }
        reading = this.runs
          .findRun(runId)
          .then((run) => (run ? deliver(run) : subscriber.complete()))
          .catch((error: unknown) =>
            this.logger.warn(`progress of run ${runId}: ${error instanceof Error ? error.message : String(error)}`),
          )
          .finally(() => {
            reading = undefined;
            if (dirty) {
              dirty = false;
              read();
            }
          });
      };
      const unwatch = this.signals.watch(runId, read);
      const poll = setInterval(read, POLL_MS);
      const beat = setInterval(() => subscriber.next({ comment: '心跳 / heartbeat' }), HEARTBEAT_MS);
      deliver(first);
      // Subscribing takes a moment: one more read covers a change made in the meantime.
      read();
      return () => {
        this.open.delete(subscriber);
        unwatch();
        clearInterval(poll);
        clearInterval(beat);
      };
    });
  }

  /** Ends every stream so the HTTP server can close; clients reconnect to another process. */
  beforeApplicationShutdown(): void {
    for (const subscriber of [...this.open]) subscriber.complete();
  }
}

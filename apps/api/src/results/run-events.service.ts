import { BeforeApplicationShutdown, Injectable, Logger, MessageEvent } from '@nestjs/common';
import { Observable, Subscriber } from 'rxjs';
import { SignalBus } from '@app/application';
import { RankingErrors } from '@app/domain';
import { RankingRun, RankingRunsRepository } from '@app/persistence';

/** While the signal connection is down, the run is read on this timer instead. */
const WITHOUT_SIGNALS_MS = 1_000;
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
 * succeeds or fails, when the stream ends. The ranking_run row is the one source: the worker
 * writes progress there and signals "run changed"; this reads the row on each signal, when the
 * signal connection comes back, and on a timer only while it is down.
 */
@Injectable()
export class RunEventsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('results');
  private readonly open = new Set<Subscriber<MessageEvent>>();

  constructor(
    private readonly runs: RankingRunsRepository,
    private readonly signals: SignalBus,
  ) {}

  async stream(runId: string): Promise<Observable<MessageEvent>> {
    const first = await this.runs.findRun(runId);
    if (!first) throw RankingErrors.runNotFound();
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
      const watch = this.signals.watchRun(runId, read);
      const unrestored = this.signals.onRestored(read);
      const poll = setInterval(() => {
        if (!this.signals.connected) read();
      }, WITHOUT_SIGNALS_MS);
      const beat = setInterval(() => subscriber.next({ comment: '心跳 / heartbeat' }), HEARTBEAT_MS);
      deliver(first);
      // A change made while the subscription was being confirmed is covered by one more read.
      void watch.ready.then(read);
      return () => {
        this.open.delete(subscriber);
        watch.stop();
        unrestored();
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

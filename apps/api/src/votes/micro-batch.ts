/** How a micro-batch runs its items: together when it can, one at a time when a batch fails. */
export interface MicroBatchOptions<I, O> {
  /** One statement for many items; the results in the items' order. */
  readonly together: (items: readonly I[]) => Promise<O[]>;
  /** The same for one item: what each item of a failed batch is retried with, so only its own error reaches it. */
  readonly alone: (item: I) => Promise<O>;
  /** Items of one key never share a batch: a later one waits for the next. Without it, any items may. */
  readonly keyOf?: (item: I) => string;
  readonly maxItems: number;
  /** Batches in flight at once; calls arriving meanwhile gather into the next. */
  readonly maxRunning: number;
}

interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (result: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Gathers the calls that arrive within one turn of the event loop, and while earlier batches are
 * in flight, into one call of `together`. Alone, a call waits one turn; under load the batches
 * grow by themselves with the time the database takes, so many requests share a statement and a
 * commit. Each caller gets its own item's result or error, as if it had run alone: a batch that
 * fails is retried item by item, so one bad item costs the others nothing.
 */
export class MicroBatch<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly options: MicroBatchOptions<I, O>) {}

  run(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.options.maxRunning) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.waiting.length > 0 && this.running < this.options.maxRunning) void this.start(this.take());
    });
  }

  /** The next batch: the oldest waiting items, at most one per key, at most `maxItems`. */
  private take(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    let kept = 0;
    for (const waiting of this.waiting) {
      const key = this.options.keyOf?.(waiting.item);
      if (batch.length < this.options.maxItems && (key === undefined || !keys.has(key))) {
        if (key !== undefined) keys.add(key);
        batch.push(waiting);
      } else {
        this.waiting[kept] = waiting;
        kept += 1;
      }
    }
    this.waiting.length = kept;
    return batch;
  }

  private async start(batch: readonly Waiting<I, O>[]): Promise<void> {
    this.running += 1;
    try {
      const results = await this.options.together(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => waiting.resolve(results[index]));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else await Promise.all(batch.map((waiting) => this.retryAlone(waiting)));
    } finally {
      this.running -= 1;
      this.schedule();
    }
  }

  private async retryAlone(waiting: Waiting<I, O>): Promise<void> {
    try {
      waiting.resolve(await this.options.alone(waiting.item));
    } catch (error) {
      waiting.reject(error);
    }
  }
}

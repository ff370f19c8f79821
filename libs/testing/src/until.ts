export interface UntilOptions {
  /** Gives up after this long: a guard against a hang, not a speed requirement. */
  readonly withinMs?: number;
  readonly everyMs?: number;
}

/**
 * Polls until `probe` returns something other than undefined and returns it; fails naming what it
 * waited for. For outcomes another process produces (a worker's run, a relayed job), which a test
 * can only observe.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  { withinMs = 30_000, everyMs = 50 }: UntilOptions = {},
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}

import { MicroBatch } from './micro-batch';

interface Item {
  readonly key: string;
  readonly value: number;
}

/** A batch runner that doubles values, refuses a batch holding a negative one, and records each batch. */
function doubling(options: { maxItems?: number; maxRunning?: number } = {}) {
  const batches: number[][] = [];
  const alone: number[] = [];
  const double = (value: number): number => {
    if (value < 0) throw new Error(`cannot double ${value}`);
    return value * 2;
  };
  const batch = new MicroBatch<Item, number>({
    together: (items) => {
      batches.push(items.map((item) => item.value));
      return Promise.resolve(items.map((item) => double(item.value)));
    },
    alone: (item) => {
      alone.push(item.value);
      return Promise.resolve(double(item.value));
    },
    keyOf: (item) => item.key,
    maxItems: options.maxItems ?? 10,
    maxRunning: options.maxRunning ?? 1,
  });
  return { batch, batches, alone };
}

describe('MicroBatch', () => {
  it('runs the calls made together as one batch and answers each with its own result', async () => {
    const { batch, batches } = doubling();
    const results = await Promise.all([1, 2, 3].map((value) => batch.run({ key: `k${value}`, value })));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('never puts two items of one key in a batch: the later one runs in the next', async () => {
    const { batch, batches } = doubling();
    const results = await Promise.all([
      batch.run({ key: 'voter-a', value: 1 }),
      batch.run({ key: 'voter-a', value: 2 }),
      batch.run({ key: 'voter-b', value: 3 }),
    ]);
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 3], [2]]);
  });

  it('takes at most maxItems in a batch', async () => {
    const { batch, batches } = doubling({ maxItems: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((value) => batch.run({ key: `k${value}`, value })));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const { batch, batches, alone } = doubling();
    const results = await Promise.allSettled([1, -2, 3].map((value) => batch.run({ key: `k${value}`, value })));
    expect(results).toEqual([
      { status: 'fulfilled', value: 2 },
      { status: 'rejected', reason: new Error('cannot double -2') },
      { status: 'fulfilled', value: 6 },
    ]);
    expect(batches).toEqual([[1, -2, 3]]);
    expect(alone).toEqual([1, -2, 3]);
  });

  it('gives a lone item its error without running it twice', async () => {
    const { batch, alone } = doubling();
    await expect(batch.run({ key: 'k', value: -1 })).rejects.toThrow('cannot double -1');
    expect(alone).toEqual([]);
  });

  it('gathers the calls arriving while a batch is in flight into the next one', async () => {
    const batches: number[][] = [];
    let open: () => void = () => undefined;
    const gate = new Promise<void>((done) => (open = done));
    const batch = new MicroBatch<number, number>({
      together: async (values) => {
        batches.push([...values]);
        await gate;
        return values.map((value) => value * 2);
      },
      alone: (value) => Promise.resolve(value * 2),
      maxItems: 10,
      maxRunning: 1,
    });
    const first = batch.run(1);
    await new Promise((done) => setImmediate(done));
    const later = [batch.run(2), batch.run(3)];
    await new Promise((done) => setImmediate(done));
    expect(batches).toEqual([[1]]);
    open();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1], [2, 3]]);
  });
});

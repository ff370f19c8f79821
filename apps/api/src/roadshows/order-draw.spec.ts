import { createHash } from 'node:crypto';
import { drawOrder, publishedSeed, randomSeed } from './order-draw';

const IDS = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7', 'h8', 'i9', 'j10'];

describe('order draw (sha256-fisher-yates-v1)', () => {
  it('gives the published order for a known seed (checked against an independent Python implementation)', () => {
    expect(drawOrder(IDS, '2026-红色核动力')).toEqual(['c3', 'j10', 'g7', 'b2', 'a1', 'h8', 'e5', 'd4', 'f6', 'i9']);
    expect(drawOrder(IDS, 'seed-1')).toEqual(['a1', 'h8', 'd4', 'b2', 'g7', 'e5', 'c3', 'i9', 'j10', 'f6']);
  });

  it('gives the same order for the same seed, whatever order the ids come in', () => {
    const shuffled = [...IDS].reverse();
    expect(drawOrder(shuffled, 'lottery-417')).toEqual(drawOrder(IDS, 'lottery-417'));
  });

  it('usually gives a different order for a different seed', () => {
    const base = drawOrder(IDS, 'seed-0').join();
    const different = Array.from({ length: 50 }, (_, i) => drawOrder(IDS, `seed-${i + 1}`).join()).filter(
      (order) => order !== base,
    );
    expect(different.length).toBeGreaterThanOrEqual(49);
  });

  it('is a permutation of its input', () => {
    const order = drawOrder(IDS, randomSeed());
    expect([...order].sort()).toEqual([...IDS].sort());
  });

  it('handles one project and none', () => {
    expect(drawOrder(['only'], 'x')).toEqual(['only']);
    expect(drawOrder([], 'x')).toEqual([]);
  });

  it('draws every order of three projects about equally often', () => {
    const counts = new Map<string, number>();
    const draws = 6000;
    for (let i = 0; i < draws; i += 1) {
      const key = drawOrder(['a', 'b', 'c'], `uniform-${i}`).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Each order expects 1000; 4.5 standard deviations (±150) would flag a real bias, not chance.
    for (const count of counts.values()) expect(Math.abs(count - draws / 6)).toBeLessThan(150);
  });

  it('uses the first 4 bytes of SHA-256("<seed>:<n>") as the n-th random number', () => {
    // Two projects: one swap decision, j = r0 mod 2 (2^32 is a multiple of 2, so nothing is rejected).
    const r0 = createHash('sha256').update('coin:0').digest().readUInt32BE(0);
    expect(drawOrder(['x', 'y'], 'coin')).toEqual(r0 % 2 === 0 ? ['y', 'x'] : ['x', 'y']);
  });

  it('draws from a Chinese seed by its UTF-8 bytes', () => {
    const seed = '2026-05-10 体彩排列5 83417';
    const r0 = createHash('sha256')
      .update(Buffer.from(`${seed}:0`, 'utf8'))
      .digest()
      .readUInt32BE(0);
    expect(drawOrder(['x', 'y'], seed)).toEqual(r0 % 2 === 0 ? ['y', 'x'] : ['x', 'y']);
    expect(drawOrder(IDS, seed)).toEqual(drawOrder([...IDS].reverse(), publishedSeed(` ${seed} `)));
  });

  it('publishes a typed seed trimmed and in NFC, so the same characters always give the same order', () => {
    expect(publishedSeed('  2026-05-10 体彩排列5 83417\t')).toBe('2026-05-10 体彩排列5 83417');
    expect(publishedSeed('cafe\u0301')).toBe('caf\u00e9');
    expect(publishedSeed('x'.repeat(200))).toHaveLength(200);
  });

  it.each([
    ['empty', '   '],
    ['a line break inside', '2026-05-10\n83417'],
    ['a control character', 'seed\u0007'],
    ['a zero-width character', 'se\u200bed'],
    ['over 200 characters', '号'.repeat(201)],
  ])('refuses a seed that is %s', (_, seed) => {
    expect(() => publishedSeed(seed)).toThrow(expect.objectContaining({ reason: 'SEED_UNPRINTABLE', field: 'seed' }));
  });

  it('generates 128-bit hex seeds', () => {
    expect(randomSeed()).toMatch(/^[0-9a-f]{32}$/);
    expect(randomSeed()).not.toBe(randomSeed());
  });
});

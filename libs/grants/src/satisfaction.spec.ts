import { meanRating, satisfactionPoints } from './satisfaction';

describe('residents’ satisfaction', () => {
  it('shows the mean rating to two decimals, half-up, and nothing before anyone rated', () => {
    expect(meanRating({ count: 2, sum: 9 })).toBe('4.50');
    expect(meanRating({ count: 3, sum: 14 })).toBe('4.67');
    expect(meanRating({ count: 8, sum: 37 })).toBe('4.63');
    expect(meanRating({ count: 0, sum: 0 })).toBeNull();
  });

  it('maps 4.5 stars onto 义乌江东’s 20-point satisfaction criterion as 18 points', () => {
    expect(satisfactionPoints({ count: 2, sum: 9 }, '20')).toBe('18.00');
  });

  it('gives the criterion’s maximum for a unanimous five and a fifth of it for a unanimous one', () => {
    expect(satisfactionPoints({ count: 12, sum: 60 }, '20')).toBe('20.00');
    expect(satisfactionPoints({ count: 12, sum: 12 }, '20')).toBe('4.00');
  });

  it('rounds once, from the exact mean, not from the rounded 4.67', () => {
    // 14/3 stars of 15 points is 14 points exactly; from the rounded mean 4.67 it would read 14.01.
    expect(satisfactionPoints({ count: 3, sum: 14 }, '15')).toBe('14.00');
    expect(satisfactionPoints({ count: 3, sum: 13 }, '12.5')).toBe('10.83');
  });

  it('reads no figure when nobody rated, whatever the scale', () => {
    expect(satisfactionPoints({ count: 0, sum: 0 }, '20')).toBeNull();
  });

  it('never exceeds the criterion’s maximum nor falls below a fifth of it', () => {
    for (let count = 1; count <= 30; count += 1) {
      for (let sum = count; sum <= 5 * count; sum += 1) {
        const points = Number(satisfactionPoints({ count, sum }, '20'));
        expect(points).toBeGreaterThanOrEqual(4);
        expect(points).toBeLessThanOrEqual(20);
      }
    }
  });
});

import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { donationPointsOf, votePointsOf } from './component-points';

function texts(points: Map<string, Rational>): Record<string, string> {
  return Object.fromEntries([...points].map(([id, value]) => [id, value.toExactString()]));
}

describe('votePointsOf', () => {
  it('gives the top project the maximum and the others their share of the top, exactly', () => {
    const points = votePointsOf(
      new Map([
        ['a', 300],
        ['b', 200],
        ['c', 100],
        ['d', 0],
      ]),
      '100',
    );
    expect(texts(points)).toEqual({ a: '100', b: '200/3', c: '100/3', d: '0' });
  });

  it('gives every project 0 when nobody voted', () => {
    expect(
      texts(
        votePointsOf(
          new Map([
            ['a', 0],
            ['b', 0],
          ]),
          20,
        ),
      ),
    ).toEqual({ a: '0', b: '0' });
  });

  it('does not depend on the order of the tally', () => {
    const forward = votePointsOf(
      new Map([
        ['a', 7],
        ['b', 3],
      ]),
      '20',
    );
    const backward = votePointsOf(
      new Map([
        ['b', 3],
        ['a', 7],
      ]),
      '20',
    );
    expect(texts(forward)).toEqual(texts(backward));
  });

  it('refuses a negative or fractional count and a maximum of 0', () => {
    expect(() => votePointsOf(new Map([['a', -1]]), '100')).toThrow(ScoringError);
    expect(() => votePointsOf(new Map([['a', 1.5]]), '100')).toThrow(ScoringError);
    expect(() => votePointsOf(new Map([['a', 1]]), '0')).toThrow(
      expect.objectContaining({ code: ScoringErrorCode.InvalidInput, field: 'maxPoints' }) as Error,
    );
  });
});

describe('donationPointsOf', () => {
  const rule = { fenPerPoint: 100_000, maxPoints: '100' };

  it('gives one point per ¥1,000 donated, exactly', () => {
    expect(donationPointsOf(2_350_050, rule).toExactString()).toBe('23.5005');
    expect(donationPointsOf(0, rule).toExactString()).toBe('0');
  });

  it('stops at the maximum', () => {
    expect(donationPointsOf(12_000_000, rule).toExactString()).toBe('100');
  });

  it('keeps a repeating share exact', () => {
    expect(donationPointsOf(100, { fenPerPoint: 3, maxPoints: '100' }).toExactString()).toBe('100/3');
  });

  it('refuses an amount that is not whole fen, and a rule of 0 fen per point', () => {
    expect(() => donationPointsOf(10.5, rule)).toThrow(ScoringError);
    expect(() => donationPointsOf(100, { fenPerPoint: 0, maxPoints: '100' })).toThrow(ScoringError);
  });
});

import { Rational } from '../rational';
import { ScoringError } from '../scoring.error';
import { JIANGDONG_RULES } from './evaluation-inputs.factory';
import { bandOf, scoreOutOf100, starGateOutcomes, starsOf } from './rating';

const score = (text: string) => Rational.parse(text);

describe('bands by the default rules (≥ 85 优秀 A, 60–84 合格 B, < 60 不合格 C)', () => {
  it.each([
    ['100', 'A'],
    ['85', 'A'],
    ['84.99', 'B'],
    ['60', 'B'],
    ['59.99', 'C'],
    ['0', 'C'],
  ])('%s is %s', (value, band) => {
    expect(bandOf(score(value), JIANGDONG_RULES.bands).key).toBe(band);
  });

  it('refuses bands that leave a score without one', () => {
    expect(() => bandOf(score('10'), JIANGDONG_RULES.bands.slice(0, 2))).toThrow(ScoringError);
  });
});

describe('stars (3/4/5 by minimum score) with a gate criterion', () => {
  const passed = [{ criterion: 'quality', share: '0.9', passed: true }];
  const failed = [{ criterion: 'quality', share: '0.5', passed: false }];

  it('gives the highest level the score reaches, none below the lowest', () => {
    expect(starsOf(score('90'), JIANGDONG_RULES.stars, JIANGDONG_RULES.starGates, passed)).toBe(5);
    expect(starsOf(score('89.99'), JIANGDONG_RULES.stars, JIANGDONG_RULES.starGates, passed)).toBe(4);
    expect(starsOf(score('70'), JIANGDONG_RULES.stars, JIANGDONG_RULES.starGates, passed)).toBe(3);
    expect(starsOf(score('69.99'), JIANGDONG_RULES.stars, JIANGDONG_RULES.starGates, passed)).toBeNull();
  });

  it('drops one level for a failed gate, and none remain below three stars', () => {
    expect(starsOf(score('95'), JIANGDONG_RULES.stars, JIANGDONG_RULES.starGates, failed)).toBe(4);
    expect(starsOf(score('75'), JIANGDONG_RULES.stars, JIANGDONG_RULES.starGates, failed)).toBeNull();
  });

  it('withholds every star when the gate says so (辛店: 党建 first)', () => {
    const gates = [{ criterion: 'quality', minShare: '0.6', effect: 'none' as const }];
    expect(starsOf(score('99'), JIANGDONG_RULES.stars, gates, failed)).toBeNull();
  });

  it('measures a gate as the mean mark over the criterion maximum', () => {
    const outcomes = starGateOutcomes(JIANGDONG_RULES.starGates, { quality: score('17.4') }, { quality: score('30') });
    expect(outcomes).toEqual([{ criterion: 'quality', share: '0.58', passed: false }]);
  });

  it('refuses a gate on a criterion the rubric does not score, naming the field', () => {
    expect(() => starGateOutcomes([{ criterion: 'party', minShare: '0.6', effect: 'none' }], {}, {})).toThrow(
      expect.objectContaining({ field: 'rules.starGates.0.criterion' }),
    );
  });
});

describe('the score out of 100', () => {
  it('rescales rubric points and rounds half-up once', () => {
    expect(scoreOutOf100(score('45'), score('60'), 2).toDecimalString(2)).toBe('75.00');
    expect(scoreOutOf100(Rational.of(1, 3), score('1'), 2).toDecimalString(2)).toBe('33.33');
    expect(scoreOutOf100(score('0.0085'), score('1'), 2).toDecimalString(2)).toBe('0.85');
  });
});

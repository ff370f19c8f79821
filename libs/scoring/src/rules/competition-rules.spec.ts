import { PARTY_BUILDING_RULES } from '../bundle/bundle-inputs.factory';
import { ScoringError } from '../scoring.error';
import { MARK_DECIMALS, StoredRules, bundleRulesOf, isGroupWeighted } from './competition-rules';
import { allowedTieBreaks, resolveTieBreak } from './tie-breaks';

/** The party-building preset's 党建引领 gate, which the micro-grant below keeps. */
const [PARTY_LEADERSHIP_GATE] = PARTY_BUILDING_RULES.rubric;

/** A community micro-grant's rules as an office stores them: experts 60%, residents 40%. */
const RULES: StoredRules = {
  rubric: [
    PARTY_LEADERSHIP_GATE,
    { key: 'need', labelZh: '需求与回应', labelEn: 'Need and response', maxPoints: '30', weight: '1' },
    { key: 'design', labelZh: '活动设计', labelEn: 'Activity design', maxPoints: '70', weight: '1' },
  ],
  aggregation: {
    method: 'trimmed-mean',
    drop: 1,
    minJudgesAfterTrim: 3,
    decimals: 2,
    groupWeights: { expert: '0.6', resident: '0.4', media: undefined },
  },
  tieBreaks: ['median', 'criterion:need', 'lower-request'],
  allocation: { rule: 'greedy', passScore: '60' },
  onePerOrganization: true,
};

describe('the stored rules as the engine reads them', () => {
  it('states the rubric with gates marked, the mark decimals and only the groups that have a weight', () => {
    const rules = bundleRulesOf(RULES);
    expect(rules.markDecimals).toBe(MARK_DECIMALS);
    expect(rules.rubric.map((criterion) => criterion.gate)).toEqual([true, false, false]);
    expect(rules.aggregation.groupWeights).toEqual({ expert: '0.6', resident: '0.4' });
    expect(rules).not.toHaveProperty('maxShareOfBudget');
  });

  it('counts a judge only in a group the rules weight', () => {
    expect(isGroupWeighted(RULES, 'expert')).toBe(true);
    expect(isGroupWeighted(RULES, 'media')).toBe(false);
    expect(isGroupWeighted({ ...RULES, aggregation: { method: 'mean', decimals: 2 } }, 'media')).toBe(true);
  });
});

describe('tie-break names', () => {
  it('offers every named tie-break, exact-score included, and each scored criterion but no gate', () => {
    expect(allowedTieBreaks(RULES.rubric)).toEqual([
      'median',
      'exact-score',
      'lower-request',
      'earlier-submission',
      'criterion:need',
      'criterion:design',
    ]);
  });

  it('labels a criterion tie-break with the criterion as people know it', () => {
    expect(resolveTieBreak('criterion:need', RULES.rubric, 'tieBreaks.1')).toEqual({
      name: 'criterion:need',
      tieBreak: { kind: 'criterion', criterion: 'need' },
      prefer: 'higher',
      label: { zh: '“需求与回应”项平均分高者优先', en: 'higher mean mark on "Need and response"' },
    });
    expect(resolveTieBreak('lower-request', RULES.rubric, 'tieBreaks.2').prefer).toBe('lower');
  });

  it('refuses an unknown name or a gate criterion, naming the field', () => {
    for (const name of ['coin-toss', 'criterion:party-leadership', 'criterion:unknown']) {
      expect(() => resolveTieBreak(name, RULES.rubric, 'tieBreaks.0')).toThrow(ScoringError);
      try {
        resolveTieBreak(name, RULES.rubric, 'tieBreaks.0');
      } catch (error) {
        expect((error as ScoringError).field).toBe('tieBreaks.0');
      }
    }
  });
});

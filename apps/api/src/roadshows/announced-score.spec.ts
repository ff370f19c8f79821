import { COMPETITION_PRESETS, CompetitionRules, JudgeGroup } from '@app/domain';
import { sheetAddingUpTo } from '@app/testing';
import { AnnouncedBreakdown, PanelJudge, SubmittedSheet, announceSlot, publicBreakdownOf } from './announced-score';

const partyBuilding = COMPETITION_PRESETS['party-building'];
const communityMicro = COMPETITION_PRESETS['community-micro'];

function panel(groups: readonly JudgeGroup[]): PanelJudge[] {
  return groups.map((group, i) => ({ id: `judge-${i + 1}`, name: `评委${i + 1}`, group, seat: i + 1 }));
}

function sheets(rules: CompetitionRules, totals: readonly string[], gates = true): SubmittedSheet[] {
  const gateKeys = rules.rubric.filter((c) => c.gate).map((c) => c.key);
  return totals.map((total, i) => ({
    judgeId: `judge-${i + 1}`,
    criteria: sheetAddingUpTo(rules, total).criteria,
    gates: Object.fromEntries(gateKeys.map((key) => [key, gates])),
  }));
}

function dropped(breakdown: AnnouncedBreakdown) {
  return Object.fromEntries(breakdown.judges.filter((j) => j.dropped).map((j) => [j.judgeId, j.dropped]));
}

describe('the announced score of a slot', () => {
  it('drops the highest and the lowest of 7 totals and averages the other 5 to 2 decimals (佛山三水 rules)', () => {
    const totals = ['85.01', '90.50', '78.00', '92.00', '88.00', '81.25', '95.00'];
    const breakdown = announceSlot({
      rules: partyBuilding,
      submissionId: 'wudinggang',
      judges: panel(Array(7).fill(JudgeGroup.Expert)),
      sheets: sheets(partyBuilding, totals),
      recusedJudgeIds: [],
    });
    // (85.01 + 90.50 + 92.00 + 88.00 + 81.25) / 5 = 436.76 / 5 = 87.352
    expect(breakdown.announcedScore).toBe('87.35');
    expect(breakdown.exact).toBe('87.352');
    expect(breakdown.method).toBe('trimmed-mean');
    expect(breakdown.judgeCount).toBe(7);
    expect(dropped(breakdown)).toEqual({ 'judge-7': 'high', 'judge-3': 'low' });
    expect(breakdown.judges.map((j) => j.total)).toEqual(totals);
    expect(breakdown.gatesPassed).toBe(true);
  });

  it('leaves a recused judge out even when they had scored, and rounds half up once at the end', () => {
    const breakdown = announceSlot({
      rules: partyBuilding,
      submissionId: 'zhoubian',
      judges: panel(Array(7).fill(JudgeGroup.Expert)),
      sheets: sheets(partyBuilding, ['70.00', '87.00', '100.00', '87.50', '87.26', '87.30', '99.00']),
      recusedJudgeIds: ['judge-3'],
    });
    // 6 counted: drop 70 and 99; (87 + 87.5 + 87.26 + 87.3) / 4 = 87.265 → half up → 87.27
    expect(breakdown.exact).toBe('87.265');
    expect(breakdown.announcedScore).toBe('87.27');
    expect(breakdown.judgeCount).toBe(6);
    expect(breakdown.judges.find((j) => j.judgeId === 'judge-3')).toMatchObject({ recused: true, dropped: null });
    expect(publicBreakdownOf(breakdown).totals.map((t) => t.total)).toEqual([
      '99.00',
      '87.50',
      '87.30',
      '87.26',
      '87.00',
      '70.00',
    ]);
  });

  it('lists judges who did not submit and averages all when too few remain to trim', () => {
    const breakdown = announceSlot({
      rules: partyBuilding,
      submissionId: 'jianggen',
      judges: panel(Array(5).fill(JudgeGroup.Expert)),
      sheets: sheets(partyBuilding, ['80.00', '90.00', '85.00', '70.00']),
      recusedJudgeIds: [],
    });
    // 4 judges − 2 dropped = 2 < minJudgesAfterTrim 3: the plain mean, recorded as a fallback.
    expect(breakdown.announcedScore).toBe('81.25');
    expect(breakdown.fellBackToMean).toBe(true);
    expect(breakdown.notSubmittedJudgeIds).toEqual(['judge-5']);
    expect(dropped(breakdown)).toEqual({});
  });

  it('drops equal extremes by seat: the earliest of the lowest, the latest of the highest', () => {
    const breakdown = announceSlot({
      rules: partyBuilding,
      submissionId: 'yunxiu',
      judges: panel(Array(5).fill(JudgeGroup.Expert)),
      sheets: sheets(partyBuilding, ['90.00', '90.00', '80.00', '80.00', '85.00']),
      recusedJudgeIds: [],
    });
    expect(dropped(breakdown)).toEqual({ 'judge-2': 'high', 'judge-3': 'low' });
    expect(breakdown.announcedScore).toBe('85.00');
  });

  it('weights judge groups by the rules (experts 0.6, residents 0.4)', () => {
    const breakdown = announceSlot({
      rules: communityMicro,
      submissionId: 'buxin',
      judges: panel([
        JudgeGroup.Expert,
        JudgeGroup.Expert,
        JudgeGroup.Expert,
        JudgeGroup.Resident,
        JudgeGroup.Resident,
      ]),
      sheets: sheets(communityMicro, ['80.00', '90.00', '85.00', '70.00', '75.00']),
      recusedJudgeIds: [],
    });
    // experts: mean 85 (3 judges, too few to trim); residents: mean 72.5; 0.6 × 85 + 0.4 × 72.5 = 80
    expect(breakdown.announcedScore).toBe('80.00');
    expect(breakdown.method).toBe('weighted-groups');
    expect(breakdown.groups.map((g) => [g.group, g.weight, g.value])).toEqual([
      ['expert', '0.6', '85'],
      ['resident', '0.4', '72.5'],
    ]);
  });

  it('shows no judge names or ids on the public board', () => {
    const breakdown = announceSlot({
      rules: partyBuilding,
      submissionId: 'kanghua',
      judges: panel(Array(3).fill(JudgeGroup.Media)),
      sheets: sheets(partyBuilding, ['80.00', '81.00', '82.00'], false),
      recusedJudgeIds: [],
    });
    const text = JSON.stringify(publicBreakdownOf(breakdown));
    expect(text).not.toContain('judge-');
    expect(text).not.toContain('评委');
    expect(breakdown.gatesPassed).toBe(false);
  });
});

import { defaultTrancheSchedule, planTranches } from './plan-tranches';

describe('planTranches', () => {
  it('pays 50% on signing, 30% after the mid-term and 20% after the final evaluation by default', () => {
    expect(planTranches(12_850_050n, defaultTrancheSchedule('zh'))).toEqual([
      { label: '首期', condition: '本协议签订后十个工作日内', percent: 50, amountFen: 6_425_025n },
      { label: '第二期', condition: '中期评估合格后', percent: 30, amountFen: 3_855_015n },
      { label: '尾款', condition: '结项评估合格后', percent: 20, amountFen: 2_570_010n },
    ]);
  });

  it('rounds a grant of odd fen to whole yuan when asked, settling the rest in the final payment', () => {
    const tranches = planTranches(3_333_333n, defaultTrancheSchedule('en'), 'yuan');
    expect(tranches.map((t) => t.amountFen)).toEqual([1_666_600n, 1_000_000n, 666_733n]);
  });
});

import { Fen } from '../money/fen';
import { splitByPercent, SplitUnit } from '../money/largest-remainder';
import { AgreementLocale, AgreementTranche } from './agreement-view.types';

export interface TrancheShare {
  readonly label: string;
  readonly condition: string;
  readonly percent: number;
}

/**
 * Turns a schedule of percentages into tranches whose amounts add up to the grant exactly
 * (largest remainder, ties to the earlier tranche; see splitByPercent for the 'yuan' unit).
 */
export function planTranches(
  grant: Fen,
  schedule: readonly TrancheShare[],
  unit: SplitUnit = 'fen',
): AgreementTranche[] {
  const amounts = splitByPercent(
    grant,
    schedule.map((s) => s.percent),
    unit,
  );
  return schedule.map((s, i) => ({
    label: s.label,
    condition: s.condition,
    percent: s.percent,
    amountFen: amounts[i],
  }));
}

const ZH_SCHEDULE: readonly TrancheShare[] = [
  { label: '首期', condition: '本协议签订后十个工作日内', percent: 50 },
  { label: '第二期', condition: '中期评估合格后', percent: 30 },
  { label: '尾款', condition: '结项评估合格后', percent: 20 },
];

const EN_SCHEDULE: readonly TrancheShare[] = [
  { label: 'First tranche', condition: 'Within ten working days of signing', percent: 50 },
  { label: 'Second tranche', condition: 'After passing the mid-term evaluation', percent: 30 },
  { label: 'Final payment', condition: 'After passing the final evaluation', percent: 20 },
];

/** 50% on signing, 30% after the mid-term evaluation, 20% after the final evaluation. */
export function defaultTrancheSchedule(locale: AgreementLocale): readonly TrancheShare[] {
  return locale === 'zh' ? ZH_SCHEDULE : EN_SCHEDULE;
}

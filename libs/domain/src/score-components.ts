import type { CompetitionRules } from './competition-rules';

/**
 * What the score announced on stage is: the final score itself, or only the roadshow's part of
 * it (the rules add other components, or normalize each judge's totals across every project, which
 * only a ranking run can do). The pages label it 得分 or 路演得分 from here.
 */
export interface AnnouncedScorePart {
  readonly part: 'final' | 'roadshow-component';
  readonly labelZh: string;
  readonly labelEn: string;
  /** The roadshow component's key and weight when the rules list components. */
  readonly componentKey: string | null;
  readonly weight: string | null;
  /** The final score normalizes each judge's totals; the stage shows them as given. */
  readonly normalized: boolean;
}

export function announcedScorePart(rules: Pick<CompetitionRules, 'components' | 'aggregation'>): AnnouncedScorePart {
  const normalized = rules.aggregation.normalization?.kind === 'z-score';
  const components = rules.components ?? [];
  const roadshow = components.find((component) => component.source === 'roadshow');
  const partOnly = normalized || components.some((component) => component.source !== 'roadshow');
  return {
    part: partOnly ? 'roadshow-component' : 'final',
    labelZh: partOnly ? '路演得分' : '得分',
    labelEn: partOnly ? 'Roadshow score' : 'Score',
    componentKey: roadshow?.key ?? null,
    weight: roadshow?.weight ?? null,
    normalized,
  };
}

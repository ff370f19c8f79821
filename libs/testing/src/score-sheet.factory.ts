import { CompetitionRules } from '@app/domain';

/** A judge's sheet as a tablet sends it: a mark per scored criterion, a verdict per gate. */
export interface SheetMarks {
  criteria: Record<string, string>;
  gates: Record<string, boolean>;
}

/**
 * Marks on `rules`' rubric that add up to `total` points, filling the scored criteria in rubric
 * order up to each maximum, so a test states one total per judge and still sends a whole sheet;
 * every gate passes.
 */
export function sheetAddingUpTo(rules: CompetitionRules, total: string | number): SheetMarks {
  let left = Math.round(Number(total) * 100);
  const criteria: Record<string, string> = {};
  const gates: Record<string, boolean> = {};
  for (const criterion of rules.rubric) {
    if (criterion.gate) {
      gates[criterion.key] = true;
      continue;
    }
    const mark = Math.min(left, Math.round(Number(criterion.maxPoints) * 100));
    criteria[criterion.key] = (mark / 100).toFixed(2);
    left -= mark;
  }
  if (left !== 0) throw new Error(`a total of ${total} does not fit the rubric`);
  return { criteria, gates };
}

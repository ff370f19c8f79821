import type { Rational } from '../rational';

/** A value a tie-break compares: exact scores, counts, amounts in fen, timestamps or ids. */
export type RankKeyValue = Rational | number | bigint | string;

export interface RankEntry {
  readonly id: string;
  /** The primary score as published (already rounded); equal scores share a display rank. */
  readonly score: Rational;
  /** Tie-break values by key; every key the policy names must be present. */
  readonly keys?: Readonly<Record<string, RankKeyValue>>;
}

export interface TieBreak {
  readonly key: string;
  /** 'higher' puts the larger value first; 'lower' the smaller (amounts, earlier times). */
  readonly prefer: 'higher' | 'lower';
  readonly label?: { readonly zh: string; readonly en: string };
}

export interface RankingPolicy {
  /** Applied in order after the primary score; ascending id (code-unit order) always comes last. */
  readonly tieBreaks: readonly TieBreak[];
}

/** Why an entry stands above the next one in the total order. */
export type RankDecision =
  | { readonly kind: 'score' }
  | { readonly kind: 'tie-break'; readonly step: number; readonly key: string; readonly label?: TieBreak['label'] }
  | { readonly kind: 'id' }
  | { readonly kind: 'last' };

export interface RankedEntry {
  readonly id: string;
  /** 1-based place in the total order. */
  readonly position: number;
  /** Competition rank for display (1, 2, 2, 4): equal primary scores share a rank. */
  readonly rank: number;
  readonly score: Rational;
  /** What separates this entry from the next: 'score' means no tie-break was needed. */
  readonly decidedBy: RankDecision;
}

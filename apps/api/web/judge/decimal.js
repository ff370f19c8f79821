// Exact score arithmetic for the tablet. Marks are decimal strings with at most MARK_DECIMALS
// places (the server's own limit), so they are carried as integer mark units (hundredths with 2
// places); weights as integers scaled by their own decimal places. The live total is then the same
// exact decimal the server computes (libs/scoring: mark places + weight places), never a float
// that shows 86.24999.
import { MARK_DECIMALS } from '/vocabulary.js';

const MARK_SCALE = 10n ** BigInt(MARK_DECIMALS);
const MARK_PATTERN = new RegExp(`^\\d{1,6}(?:\\.\\d{0,${MARK_DECIMALS}})?$`);
const DECIMAL_PATTERN = /^\d{1,9}(?:\.(\d+))?$/;

/** "22.5" → 2250n (2 places); undefined for anything that is not a mark (a sign, too many decimals, letters). */
export function toUnits(text) {
  const value = String(text ?? '')
    .trim()
    .replace(/,/g, '.')
    .replace(/^\./, '0.');
  if (!MARK_PATTERN.test(value)) return undefined;
  const [whole, fraction = ''] = value.split('.');
  return BigInt(whole) * MARK_SCALE + BigInt(fraction.padEnd(MARK_DECIMALS, '0'));
}

/** 2250n → "22.5": the shortest exact form, as sent to the API. */
export function fromUnits(units) {
  const whole = units / MARK_SCALE;
  const fraction = (units % MARK_SCALE).toString().padStart(MARK_DECIMALS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

function placesOf(text) {
  const match = DECIMAL_PATTERN.exec(String(text));
  if (!match) throw new Error(`not a decimal: ${text}`);
  return match[1]?.length ?? 0;
}

function scaled(text, places) {
  const [whole, fraction = ''] = String(text).split('.');
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0') || '0');
}

function formatFixed(units, places) {
  const digits = units.toString().padStart(places + 1, '0');
  if (places === 0) return digits;
  return `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
}

/**
 * Σ weight × mark over the non-gate criteria, with mark places + the most weight places, like the
 * server. `marks` maps key → mark units (bigint) or undefined; a missing mark counts as 0 here
 * and `complete` says whether every criterion has one.
 */
export function weightedTotal(criteria, marks) {
  const scored = criteria.filter((criterion) => !criterion.gate);
  const weightPlaces = scored.reduce((places, criterion) => Math.max(places, placesOf(criterion.weight)), 0);
  let sum = 0n;
  let complete = true;
  let max = 0n;
  for (const criterion of scored) {
    const weight = scaled(criterion.weight, weightPlaces);
    const mark = marks[criterion.key];
    if (mark === undefined) complete = false;
    else sum += mark * weight;
    max += scaled(criterion.maxPoints, MARK_DECIMALS) * weight;
  }
  const places = MARK_DECIMALS + weightPlaces;
  return { total: formatFixed(sum, places), max: formatFixed(max, places), complete };
}

/** A mark moved by `step` mark units and held within 0…max. */
export function stepMark(current, step, max) {
  const next = (current ?? 0n) + step;
  if (next < 0n) return 0n;
  return next > max ? max : next;
}

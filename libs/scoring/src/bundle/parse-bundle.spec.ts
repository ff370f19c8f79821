import { ScoringError } from '../scoring.error';
import { sanshuiInputs } from './bundle-inputs.factory';
import { RESULT_BUNDLE_FORMAT, RESULT_BUNDLE_VERSION } from './bundle.types';
import { computeResult } from './compute-result';
import { parseResultBundle } from './parse-bundle';
import { sha256Hex } from '../cli/sha256';

function fieldOf(value: unknown): string | undefined {
  try {
    parseResultBundle(value);
  } catch (error) {
    if (error instanceof ScoringError) return error.field;
    throw error;
  }
  throw new Error('expected a ScoringError');
}

function bundle(): Record<string, unknown> {
  const inputs = sanshuiInputs();
  return JSON.parse(
    JSON.stringify({
      format: RESULT_BUNDLE_FORMAT,
      version: RESULT_BUNDLE_VERSION,
      inputs,
      result: computeResult(inputs, sha256Hex),
    }),
  ) as Record<string, unknown>;
}

describe('parseResultBundle', () => {
  it('reads a bundle as JSON gives it back', () => {
    const parsed = parseResultBundle(bundle());
    expect(parsed.inputs).toEqual(sanshuiInputs());
  });

  it('refuses another format or version', () => {
    expect(fieldOf({ ...bundle(), format: 'something-else' })).toBe('format');
    expect(fieldOf({ ...bundle(), version: 3 })).toBe('version');
  });

  it('reads version 1 without the fields version 2 added, and refuses them there', () => {
    const v1 = { ...bundle(), version: 1 };
    expect(parseResultBundle(v1).version).toBe(1);
    const withValues = bundle();
    (withValues.inputs as Record<string, unknown>).componentValues = [];
    expect(parseResultBundle(withValues).inputs.componentValues).toEqual([]);
    expect(fieldOf({ ...withValues, version: 1 })).toBe('inputs.componentValues');
  });

  it('refuses a mark written as a number, naming the field', () => {
    const value = bundle();
    const inputs = value.inputs as { sheets: { marks: Record<string, unknown> }[] };
    inputs.sheets[3].marks.need = 20.5;
    expect(fieldOf(value)).toBe('inputs.sheets.3.marks.need');
  });

  it('refuses unknown and missing fields', () => {
    const value = bundle();
    (value.inputs as Record<string, unknown>).extra = 1;
    expect(fieldOf(value)).toBe('inputs.extra');
    const missing = bundle();
    delete (missing.inputs as Record<string, unknown>).poolFen;
    expect(fieldOf(missing)).toBe('inputs.poolFen');
  });
});

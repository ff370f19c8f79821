import fc from 'fast-check';
import { ScoringError } from '../scoring.error';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys by code units at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: '社区', y: null }], A: true })).toBe(
      '{"A":true,"a":[{"y":null,"z":"社区"}],"b":1}',
    );
  });

  it('leaves out undefined members', () => {
    expect(canonicalJson({ a: undefined, b: '1' })).toBe('{"b":"1"}');
  });

  it('refuses a number that is not a safe integer and names where it is', () => {
    let error: unknown;
    try {
      canonicalJson({ projects: [{ score: 87.35 }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScoringError);
    expect((error as ScoringError).field).toBe('projects.0.score');
  });

  it('gives the same text, and so the same hash, whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(record);
      }),
    );
  });
});

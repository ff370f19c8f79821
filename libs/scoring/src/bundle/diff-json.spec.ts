import { diffJson } from './diff-json';

describe('diffJson', () => {
  it('finds nothing between equal data in a different key order', () => {
    expect(diffJson({ a: 1, b: [{ c: '2', d: true }] }, { b: [{ d: true, c: '2' }], a: 1 }, 'result')).toEqual([]);
  });

  it('names each differing leaf by its path, with expected and found', () => {
    expect(
      diffJson(
        { projects: [{ grantFen: 2_800_000, score: '91.81' }] },
        { projects: [{ grantFen: 2_900_000, score: '91.81' }] },
        'result',
      ),
    ).toEqual([{ path: 'result.projects.0.grantFen', expected: 2_800_000, found: 2_900_000 }]);
  });

  it('reports a missing field and a different list length', () => {
    expect(diffJson({ a: [1, 2], b: 'x' }, { a: [1] }, 'r')).toEqual([
      { path: 'r.a.length', expected: 2, found: 1 },
      { path: 'r.b', expected: 'x', found: undefined },
    ]);
  });
});

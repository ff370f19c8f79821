import { projectPeriod } from './project-period';

describe('projectPeriod', () => {
  const generatedAt = new Date('2026-11-22T02:00:00.000Z');

  it('runs from the agreement to the last planned milestone', () => {
    expect(projectPeriod(generatedAt, [{ due: '2026-03-31' }, { due: '2027-06-30' }])).toEqual({
      start: '2026-11-22',
      end: '2027-06-30',
    });
  });

  it('runs one year when every milestone is past or none was planned', () => {
    expect(projectPeriod(generatedAt, [{ due: '2026-03-31' }])).toEqual({ start: '2026-11-22', end: '2027-11-21' });
    expect(projectPeriod(new Date('2026-11-21T17:00:00Z'), [])).toEqual({ start: '2026-11-22', end: '2027-11-21' });
  });
});

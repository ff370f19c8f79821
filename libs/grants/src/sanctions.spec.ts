import { sanctionActive, sanctionTerm } from './sanctions';

describe('sanctions (限制申报)', () => {
  it('bars the organization for the rules’ whole years from the day the breach is confirmed', () => {
    expect(sanctionTerm('2027-06-15', 3)).toEqual({ startsOn: '2027-06-15', endsOn: '2030-06-15' });
  });

  it('from 29 February ends on the last day of February, never a day past the years', () => {
    expect(sanctionTerm('2028-02-29', 3)).toEqual({ startsOn: '2028-02-29', endsOn: '2031-02-28' });
    expect(sanctionTerm('2028-02-29', 4)).toEqual({ startsOn: '2028-02-29', endsOn: '2032-02-29' });
  });

  it('holds from its first day until the day before it ends', () => {
    const term = sanctionTerm('2027-06-15', 3);
    expect(sanctionActive(term, '2027-06-14')).toBe(false);
    expect(sanctionActive(term, '2027-06-15')).toBe(true);
    expect(sanctionActive(term, '2030-06-14')).toBe(true);
    expect(sanctionActive(term, '2030-06-15')).toBe(false);
  });
});

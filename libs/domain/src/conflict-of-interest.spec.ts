import { conflictOfInterest } from './conflict-of-interest';

const PROJECT = { organizationId: 'org-zhoubian', organizationName: '洲边社区居委会', community: '洲边' };

describe('回避: the conflict rule judges and evaluators share', () => {
  it('recuses a member of the project’s own organization, naming it', () => {
    expect(conflictOfInterest({ organizationId: 'org-zhoubian', community: '洲边' }, PROJECT)).toBe(
      '同一组织：洲边社区居委会 / same organization: 洲边社区居委会',
    );
  });

  it('recuses a resident of the project’s community', () => {
    expect(conflictOfInterest({ organizationId: null, community: '洲边' }, PROJECT)).toBe(
      '同一社区：洲边 / same community: 洲边',
    );
  });

  it('leaves everyone else on the panel', () => {
    expect(conflictOfInterest({ organizationId: 'org-other', community: '江根' }, PROJECT)).toBeNull();
    expect(conflictOfInterest({ organizationId: null, community: null }, PROJECT)).toBeNull();
  });
});

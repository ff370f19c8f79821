import { etagOf, matchesEtag } from './etag';

describe('ETags of rendered texts', () => {
  it('is strong, and answers If-None-Match lists and weak forms', () => {
    const etag = etagOf('export const MARK_DECIMALS = 2;\n');
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`"other", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
    expect(matchesEtag('"other"', etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });
});

/** Who the needs walls' routes answer, as the API document states their 403. */
export const COMMUNITIES = '仅限社区账号 / community accounts only';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiveEventType } from '@app/domain';

describe('live event types', () => {
  it('are all listened to by the pages: an EventSource only hears the event names it subscribed to', () => {
    const source = readFileSync(join(__dirname, '../../web/shared/live.js'), 'utf8');
    const list = /export const LIVE_EVENT_TYPES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    const listened = [...list.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    expect(listened.sort()).toEqual(Object.values(LiveEventType).sort());
  });
});

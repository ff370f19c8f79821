import type { IncomingMessage } from 'node:http';
import { loggableUrl, requestIdOf } from './request-log';

const sent = (value: string | undefined): IncomingMessage =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as IncomingMessage;

describe('requestIdOf', () => {
  it('keeps a short token a proxy or client sent, so one id follows the request', () => {
    expect(requestIdOf(sent('lb-7f3a9c.01:2'))).toBe('lb-7f3a9c.01:2');
  });

  it.each([
    ['none', undefined],
    ['an empty one', ''],
    ['one with spaces', 'a b'],
    ['one with markup', '<script>'],
    ['one of 65 characters', 'x'.repeat(65)],
    ['one with a line break', 'id\nforged line'],
  ])('generates a fresh id for %s', (_, value) => {
    expect(requestIdOf(sent(value))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('loggableUrl', () => {
  it('masks credential values in the query and keeps everything else', () => {
    expect(loggableUrl('/admin/queues/?ticket=s3cr3t&page=2')).toBe('/admin/queues/?ticket=redacted&page=2');
    expect(loggableUrl('/competitions?page=1&pageSize=20')).toBe('/competitions?page=1&pageSize=20');
    expect(loggableUrl('/health')).toBe('/health');
  });
});

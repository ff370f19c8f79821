import { DomainError, HooksRefusal } from '@app/domain';
import { checkWebhookUrl } from './webhook-url';

function refusalOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.reason : 'not a refusal';
  }
}

describe('checkWebhookUrl', () => {
  it('takes an https address in production', () => {
    expect(checkWebhookUrl('https://hooks.example.org/gongyi', true)).toBe('https://hooks.example.org/gongyi');
  });

  it('takes http to this machine while developing', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4100/hook', false)).toBe('http://127.0.0.1:4100/hook');
    expect(checkWebhookUrl('http://localhost:4100/hook', false)).toBe('http://localhost:4100/hook');
  });

  it('refuses http to this machine in production', () => {
    expect(refusalOf(() => checkWebhookUrl('http://127.0.0.1:4100/hook', true))).toBe(HooksRefusal.WebhookUrlNotHttps);
  });

  it('refuses http to any other host, even while developing', () => {
    expect(refusalOf(() => checkWebhookUrl('http://hooks.example.org/', false))).toBe(HooksRefusal.WebhookUrlNotHttps);
  });

  it('refuses other schemes, credentials in the address and text that is no address', () => {
    expect(refusalOf(() => checkWebhookUrl('ftp://hooks.example.org/', false))).toBe(HooksRefusal.WebhookUrlNotHttps);
    expect(refusalOf(() => checkWebhookUrl('https://user:pw@hooks.example.org/', false))).toBe(
      HooksRefusal.WebhookUrlInvalid,
    );
    expect(refusalOf(() => checkWebhookUrl('hooks.example.org', false))).toBe(HooksRefusal.WebhookUrlInvalid);
  });
});

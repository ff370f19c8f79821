import { HooksErrors } from '@app/domain';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The address an endpoint may have: https anywhere; plain http only to this machine and only
 * outside production, where a developer's or a test's receiver listens.
 */
export function checkWebhookUrl(text: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw HooksErrors.webhookUrlInvalid();
  }
  if (url.username || url.password) throw HooksErrors.webhookUrlInvalid();
  if (url.protocol === 'https:') return url.toString();
  if (url.protocol === 'http:' && !production && LOOPBACK_HOSTS.has(url.hostname)) return url.toString();
  throw HooksErrors.webhookUrlNotHttps();
}

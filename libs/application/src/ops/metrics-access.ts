import { createHash, timingSafeEqual } from 'node:crypto';
import { OpsErrors } from '@app/domain';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Admits a scraper that sends `Authorization: Bearer <METRICS_TOKEN>`. Without a configured token
 * nobody is admitted and the route reads as absent, so a fresh deployment never exposes its figures.
 * Compared as digests in constant time, so the answer's timing says nothing about the token.
 */
export function admitScraper(token: string | undefined, authorization: string | undefined): void {
  if (token === undefined) throw OpsErrors.metricsDisabled();
  const sent = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : undefined;
  if (sent === undefined || !timingSafeEqual(digest(sent), digest(token))) throw OpsErrors.metricsTokenRequired();
}

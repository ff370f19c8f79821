import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { RouteOptions } from 'fastify';
import { DASHBOARD_PATH } from '../ops/queue-dashboard-access.service';

type Directives = Record<string, string[]>;

/**
 * What the pages in web/ actually use: ES modules and stylesheets from the API's own origin, no
 * inline script or style, fetch and EventSource to the same origin, a service worker for the judge
 * tablet, downloads handed over as blob: links (a navigation, which the policy does not govern),
 * images fetched with the bearer token and shown from blob: URLs the page made itself (a resident's
 * photo before its need is public), system fonts only. Nothing may frame them: a framed judge page could be clickjacked into scoring.
 */
const PAGE_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'worker-src': ["'self'"],
};

/**
 * Swagger UI (/api/docs) and Bull Board (/admin/queues) write inline styles and draw icons from
 * data: URIs; Bull Board resolves its assets against a <base> of its own path. Their scripts still
 * come from the API's origin only, and Bull Board's web font from Google is refused like any CDN.
 */
const THIRD_PARTY_PAGE_DIRECTIVES: Directives = {
  ...PAGE_DIRECTIVES,
  'base-uri': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
};

const THIRD_PARTY_PREFIXES = ['/api/docs', DASHBOARD_PATH];

/**
 * Helmet's headers on every response. Strict-Transport-Security is left to whoever terminates TLS
 * in front of the API: the API itself speaks plain HTTP (often on a venue's LAN), and a year-long
 * HSTS pin sent from here would bind every subdomain of an office's domain to HTTPS.
 */
export const SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: PAGE_DIRECTIVES },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
};

/** Gives the documentation and the queue dashboard the looser policy they need; every other route keeps the pages' one. */
export function relaxPolicyForThirdPartyPages(route: RouteOptions): void {
  if (THIRD_PARTY_PREFIXES.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) {
    route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: THIRD_PARTY_PAGE_DIRECTIVES } };
  }
}

/**
 * Headers of the refusals written before any route runs (the router's and the HTTP parser's), where
 * helmet's hooks never run. These answers are JSON and render nothing, so nothing may load from them.
 */
export const REFUSAL_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

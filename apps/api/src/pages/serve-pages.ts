import type { FastifyInstance } from 'fastify';
import { matchesEtag } from '../common/etag';
import { Page, pageUrls, renderPage } from './page-shell';

/**
 * Serves every page of the table from HTML rendered once here, at startup. Only the pages' exact
 * URLs are routes, so any other path still meets the JSON 404; Fastify answers HEAD from the same
 * handler. The headers are the ones the static files had: revalidated on every use, so a fixed
 * page reaches the tablets at once.
 */
export function servePages(fastify: FastifyInstance, pages: readonly Page[]): void {
  for (const page of pages) {
    const { html, etag } = renderPage(page);
    for (const url of pageUrls(page)) {
      fastify.get(url, (request, reply) => {
        reply
          .header('Content-Type', 'text/html; charset=utf-8')
          .header('Cache-Control', 'public, max-age=0')
          .header('ETag', etag);
        if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
        return reply.send(html);
      });
    }
  }
}

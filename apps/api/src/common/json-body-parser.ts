import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestErrors } from '@app/domain';

const UTF8 = /^utf-?8$/i;
const CHARSET = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType === undefined ? null : CHARSET.exec(contentType);
  return match ? (match[1] ?? match[2]) : undefined;
}

type Done = (error: Error | null, body?: unknown) => void;

/**
 * Reads `application/json` bodies as the bytes they are: UTF-8 or refused. Node would otherwise
 * decode invalid bytes to U+FFFD and store the replacement characters as if the client had sent
 * them, and would read a body declared in another charset as UTF-8 anyway. An empty body counts
 * as no body; parsing itself is Fastify's, with its prototype-poisoning checks.
 */
export function jsonBodyParser(fastify: FastifyInstance): (request: FastifyRequest, body: Buffer, done: Done) => void {
  // Fastify's type is a union of the callback and the promise form; its JSON parser is the callback one.
  const parseJson = fastify.getDefaultJsonParser('error', 'error') as (
    request: FastifyRequest,
    body: string,
    done: Done,
  ) => void;
  return (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && !UTF8.test(charset)) {
      done(RequestErrors.unsupportedCharset(charset));
      return;
    }
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    if (!isUtf8(body)) {
      done(RequestErrors.bodyNotUtf8());
      return;
    }
    parseJson(request, body.toString('utf8'), (error, parsed) => {
      if (!error) {
        done(null, parsed);
        return;
      }
      done(RequestErrors.bodyNotJson());
    });
  };
}

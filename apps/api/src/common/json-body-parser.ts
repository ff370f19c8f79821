import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '@app/domain';

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
      done(
        new DomainError(
          DomainErrorCode.UnsupportedMediaType,
          {
            zh: `不支持字符集「${charset.slice(0, 40)}」：请求体须为 UTF-8 编码的 JSON`,
            en: `charset "${charset.slice(0, 40)}" is not supported: send the body as UTF-8 JSON`,
          },
          'content-type',
          'UNSUPPORTED_CHARSET',
        ),
      );
      return;
    }
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    if (!isUtf8(body)) {
      done(
        new DomainError(
          DomainErrorCode.ValidationFailed,
          { zh: '请求体不是有效的 UTF-8 文本', en: 'the request body is not valid UTF-8' },
          'body',
          'BODY_NOT_UTF8',
        ),
      );
      return;
    }
    parseJson(request, body.toString('utf8'), (error, parsed) => {
      if (!error) {
        done(null, parsed);
        return;
      }
      done(
        new DomainError(
          DomainErrorCode.ValidationFailed,
          {
            zh: '请求无效：请求体不是有效的 JSON，或含有不允许的 __proto__ / constructor.prototype 字段',
            en: 'bad request: the body is not valid JSON, or it has a forbidden __proto__ or constructor.prototype key',
          },
          'body',
          'BODY_NOT_JSON',
        ),
      );
    });
  };
}

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from '@app/domain';
import { toErrorResponse } from './domain-error.filter';
import { MalformedInputScan } from './malformed-input';
import { REFUSAL_HEADERS } from './security-headers';
import { RequestValidationError } from './validation-error';

/** Fastify's limit on one path parameter; the API's ids are 36 characters. */
export const MAX_PATH_PARAMETER_LENGTH = 100;

/**
 * The router's own refusals (a bad percent-escape, an over-long path parameter), which Fastify
 * answers before any hook or filter runs, in the body every other refusal has.
 */
export function refuseUnroutable(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  let refusal: unknown = error;
  if (error.code === 'FST_ERR_BAD_URL') {
    refusal = new DomainError(
      DomainErrorCode.ValidationFailed,
      {
        zh: '请求地址含有无效的百分号编码（如 %ZZ，或不是 UTF-8 的字节序列）',
        en: 'the request address has an invalid percent-escape (such as %ZZ, or bytes that are not UTF-8)',
      },
      undefined,
      'BAD_URL',
    );
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    refusal = new DomainError(
      DomainErrorCode.UriTooLong,
      {
        zh: `请求地址中的一段超过 ${MAX_PATH_PARAMETER_LENGTH} 个字符`,
        en: `a segment of the request address is longer than ${MAX_PATH_PARAMETER_LENGTH} characters`,
      },
      undefined,
      'PATH_PARAMETER_TOO_LONG',
    );
  }
  const { status, body } = toErrorResponse(refusal);
  void reply.code(status).headers(REFUSAL_HEADERS).send(body);
}

/**
 * Requests Node's HTTP parser refuses (a control character in a header, headers past the size
 * limit, a garbled request line) never become requests: the answer is written to the socket, here
 * in the documented body instead of Fastify's `{ error, message, statusCode }`.
 */
export function refuseUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let refusal: DomainError;
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    refusal = new DomainError(DomainErrorCode.HeadersTooLarge, {
      zh: '请求头过大',
      en: 'the request headers are too large',
    });
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    refusal = new DomainError(DomainErrorCode.RequestTimeout, {
      zh: '请求未在规定时间内发送完毕',
      en: 'the request was not sent completely in time',
    });
  } else {
    refusal = new DomainError(
      DomainErrorCode.ValidationFailed,
      {
        zh: '请求格式错误：请求行或请求头不符合 HTTP 规范（例如请求头中含有控制字符）',
        en: 'malformed request: the request line or a header is not valid HTTP (for example, a control character in a header)',
      },
      undefined,
      'MALFORMED_REQUEST',
    );
  }
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const { status, body } = toErrorResponse(refusal);
  const json = JSON.stringify(body);
  const headers = {
    ...REFUSAL_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(json)),
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${json}`);
}

/**
 * Refuses, before any guard or handler runs, texts no column can hold (NUL, unpaired surrogates)
 * and values nested too deep, wherever the request carries them: path parameters by name, query
 * parameters as `query.<name>`, headers by name, body fields by their dotted path.
 */
export function refuseMalformedInput(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  const scan = new MalformedInputScan();
  scan.scan(request.params, '', 'params');
  scan.scanQueryString(request.url);
  scan.scan(request.query, 'query');
  scan.scan(request.headers, '', 'headers');
  scan.scan(request.body, '', 'body');
  done(
    scan.total > 0
      ? new RequestValidationError(scan.problems, { reason: 'MALFORMED_INPUT', total: scan.total })
      : undefined,
  );
}

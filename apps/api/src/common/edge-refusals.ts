import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, RequestErrors, RequestRefusal } from '@app/domain';
import { toErrorResponse } from './domain-error.filter';
import { MalformedInputScan } from './malformed-input';
import { REQUEST_ID_HEADER } from './request-log';
import { REFUSAL_HEADERS } from './security-headers';
import { RequestValidationError } from './validation-error';

/** Fastify's limit on one path parameter; the API's ids are 36 characters. */
export const MAX_PATH_PARAMETER_LENGTH = 100;

/**
 * The router's own refusals (a bad percent-escape, an over-long path parameter), which Fastify
 * answers before any hook or filter runs, in the body every other refusal has.
 */
export function refuseUnroutable(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  let refusal: unknown = error;
  if (error.code === 'FST_ERR_BAD_URL') {
    refusal = RequestErrors.badUrl();
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    refusal = RequestErrors.pathParameterTooLong(MAX_PATH_PARAMETER_LENGTH);
  }
  const { status, body } = toErrorResponse(refusal);
  void reply
    .code(status)
    .headers({ ...REFUSAL_HEADERS, [REQUEST_ID_HEADER]: request.id })
    .send(body);
}

/**
 * Requests Node's HTTP parser refuses (a control character in a header, headers past the size
 * limit, a garbled request line) never become requests: the answer is written to the socket, here
 * in the documented body instead of Fastify's `{ error, message, statusCode }`.
 */
export function refuseUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  let refusal: DomainError;
  if (error.code === 'HPE_HEADER_OVERFLOW') refusal = RequestErrors.headersTooLarge();
  else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') refusal = RequestErrors.requestTimeout();
  else refusal = RequestErrors.malformedRequest();
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
      ? new RequestValidationError(scan.problems, { reason: RequestRefusal.MalformedInput, total: scan.total })
      : undefined,
  );
}

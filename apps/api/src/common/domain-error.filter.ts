import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { Bilingual, DomainError, DomainErrorCode, RequestProblems, TenantErrors, scoringProblem } from '@app/domain';
import { ScoringError } from '@app/scoring';
import { ErrorResponseDto } from './error-response.dto';
import { MAX_DETAILS, RequestValidationError } from './validation-error';

/** Nest's HttpStatus has no 431. */
const REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

const STATUS_OF: Readonly<Record<DomainErrorCode, number>> = {
  [DomainErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [DomainErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [DomainErrorCode.UriTooLong]: HttpStatus.URI_TOO_LONG,
  [DomainErrorCode.HeadersTooLarge]: REQUEST_HEADER_FIELDS_TOO_LARGE,
  [DomainErrorCode.RequestTimeout]: HttpStatus.REQUEST_TIMEOUT,
  [DomainErrorCode.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [DomainErrorCode.ServiceUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
  [DomainErrorCode.Internal]: HttpStatus.INTERNAL_SERVER_ERROR,
};

export function statusOf(code: DomainErrorCode): number {
  return STATUS_OF[code];
}

const GENERIC_BY_STATUS: Readonly<Record<number, { code: DomainErrorCode; zh: string; en: string }>> = {
  400: { code: DomainErrorCode.ValidationFailed, zh: '请求无效', en: 'bad request' },
  401: { code: DomainErrorCode.Unauthenticated, zh: '请先登录', en: 'authentication required' },
  403: { code: DomainErrorCode.Forbidden, zh: '无权访问', en: 'forbidden' },
  404: { code: DomainErrorCode.NotFound, zh: '未找到', en: 'not found' },
  409: { code: DomainErrorCode.Conflict, zh: '与当前状态冲突', en: 'conflict with the current state' },
  413: { code: DomainErrorCode.PayloadTooLarge, zh: '请求体过大', en: 'request body too large' },
  415: {
    code: DomainErrorCode.UnsupportedMediaType,
    zh: '不支持的内容类型：请求体须为 UTF-8 编码的 application/json',
    en: 'unsupported media type: send the body as UTF-8 application/json',
  },
  429: { code: DomainErrorCode.RateLimited, zh: '请求过于频繁，请稍后再试', en: 'too many requests, try again later' },
};

/**
 * Maps any error to `{ code, reason, message_zh, message_en, field?, details?, detailsOmitted? }` and a
 * status. Also used for errors Fastify raises before a route runs (bad JSON, oversized body) and for
 * the router's and the HTTP parser's refusals, so every refusal looks the same.
 */
export function toErrorResponse(error: unknown): { status: number; body: ErrorResponseDto } {
  if (error instanceof RequestValidationError) {
    const [first] = error.problems;
    const listed = error.problems.slice(0, MAX_DETAILS);
    const omitted = error.total - listed.length;
    const firstMessage = first?.message ?? { zh: '请求无效', en: 'bad request' };
    const message = omitted > 0 ? RequestProblems.moreProblems(firstMessage, error.total, listed.length) : firstMessage;
    const response = refusal(HttpStatus.BAD_REQUEST, error.code, error.reason, message, first?.field);
    response.body.details = listed.map((p) => ({ field: p.field, message_zh: p.message.zh, message_en: p.message.en }));
    if (omitted > 0) response.body.detailsOmitted = omitted;
    return response;
  }
  if (refusedByRowSecurity(error)) return toErrorResponse(TenantErrors.readOnly());
  if (error instanceof DomainError) {
    const message = { zh: error.messageZh, en: error.messageEn };
    return refusal(statusOf(error.code), error.code, error.reason, message, error.field);
  }
  if (error instanceof ScoringError) {
    const message = scoringProblem(error.code, error.field);
    return refusal(HttpStatus.UNPROCESSABLE_ENTITY, error.code, error.code, message, error.field);
  }
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : HttpStatus.INTERNAL_SERVER_ERROR;
  const generic = GENERIC_BY_STATUS[status];
  if (status < 500 && generic) {
    const detail = error instanceof Error && status === 400 ? `: ${error.message}` : '';
    return refusal(status, generic.code, generic.code, { zh: `${generic.zh}${detail}`, en: `${generic.en}${detail}` });
  }
  const internal = DomainErrorCode.Internal;
  return refusal(HttpStatus.INTERNAL_SERVER_ERROR, internal, internal, {
    zh: '服务器内部错误',
    en: 'internal server error',
  });
}

/**
 * The database's own refusal of a write outside the acting office: the row-level security policies
 * let an office see its streets' rows but write only its own. The code path that tried it did not
 * check first; the caller still learns why, and the transaction wrote nothing.
 */
function refusedByRowSecurity(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: unknown }).code === '42501' &&
    error.message.includes('row-level security')
  );
}

function refusal(
  status: number,
  code: string,
  reason: string,
  message: Bilingual,
  field?: string,
): { status: number; body: ErrorResponseDto } {
  return { status, body: { code, reason, message_zh: message.zh, message_en: message.en, field } };
}

@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, body } = toErrorResponse(exception);
    if (status >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send(body);
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorCode, RequestProblems, scoringProblem } from '@app/domain';
import { ScoringError } from '@app/scoring';
import { ErrorResponseDto } from './error-response.dto';
import { MAX_DETAILS, RequestValidationError } from './validation-error';

/** Nest's HttpStatus has no 431. */
const REQUEST_HEADER_FIELDS_TOO_LARGE = 431;

export function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case DomainErrorCode.ValidationFailed:
      return HttpStatus.BAD_REQUEST;
    case DomainErrorCode.NotFound:
      return HttpStatus.NOT_FOUND;
    case DomainErrorCode.Unauthenticated:
      return HttpStatus.UNAUTHORIZED;
    case DomainErrorCode.Forbidden:
      return HttpStatus.FORBIDDEN;
    case DomainErrorCode.Conflict:
      return HttpStatus.CONFLICT;
    case DomainErrorCode.PayloadTooLarge:
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case DomainErrorCode.UnsupportedMediaType:
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case DomainErrorCode.UriTooLong:
      return HttpStatus.URI_TOO_LONG;
    case DomainErrorCode.HeadersTooLarge:
      return REQUEST_HEADER_FIELDS_TOO_LARGE;
    case DomainErrorCode.RequestTimeout:
      return HttpStatus.REQUEST_TIMEOUT;
    case DomainErrorCode.RateLimited:
      return HttpStatus.TOO_MANY_REQUESTS;
    case DomainErrorCode.ServiceUnavailable:
      return HttpStatus.SERVICE_UNAVAILABLE;
    case DomainErrorCode.Internal:
      return HttpStatus.INTERNAL_SERVER_ERROR;
  }
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
    return {
      status: HttpStatus.BAD_REQUEST,
      body: {
        code: error.code,
        reason: error.reason,
        message_zh: message.zh,
        message_en: message.en,
        field: first?.field,
        details: listed.map((p) => ({ field: p.field, message_zh: p.message.zh, message_en: p.message.en })),
        ...(omitted > 0 ? { detailsOmitted: omitted } : {}),
      },
    };
  }
  if (error instanceof DomainError) {
    return {
      status: statusOf(error.code),
      body: {
        code: error.code,
        reason: error.reason,
        message_zh: error.messageZh,
        message_en: error.messageEn,
        field: error.field,
      },
    };
  }
  if (error instanceof ScoringError) {
    const message = scoringProblem(error.code, error.field);
    return {
      status: HttpStatus.UNPROCESSABLE_ENTITY,
      body: {
        code: error.code,
        reason: error.code,
        message_zh: message.zh,
        message_en: message.en,
        field: error.field,
      },
    };
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
    return {
      status,
      body: {
        code: generic.code,
        reason: generic.code,
        message_zh: `${generic.zh}${detail}`,
        message_en: `${generic.en}${detail}`,
      },
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: {
      code: DomainErrorCode.Internal,
      reason: DomainErrorCode.Internal,
      message_zh: '服务器内部错误',
      message_en: 'internal server error',
    },
  };
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

import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { DomainError } from '@app/domain';
import { ErrorResponseDto } from './error-response.dto';

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** A documented refusal; `reason` is the code itself unless the example names a more specific one. */
type ErrorExample = Omit<ErrorResponseDto, 'reason'> & { readonly reason?: string };

declare const fromFactory: unique symbol;

/**
 * A route's own documented refusal. Only `refusalExample` makes one, so a route cannot document a
 * refusal in words of its own that drift from what the API answers.
 */
export type RefusalExample = ErrorExample & { readonly [fromFactory]: true };

/** A refusal's factory as the documented example, so the documentation words it as the API does. */
export function refusalExample(error: DomainError): RefusalExample {
  return {
    code: error.code,
    reason: error.reason,
    message_zh: error.messageZh,
    message_en: error.messageEn,
    ...(error.field === undefined ? {} : { field: error.field }),
  } as RefusalExample;
}

/** What each refusal typically looks like, so every documented error response carries an example. */
const TYPICAL: Readonly<Record<RefusalStatus, ErrorExample>> = {
  400: {
    code: 'VALIDATION_FAILED',
    message_zh: '项目名称最多 100 个字符',
    message_en: 'project title must be at most 100 characters',
    field: 'title',
    details: [
      {
        field: 'title',
        message_zh: '项目名称最多 100 个字符',
        message_en: 'project title must be at most 100 characters',
      },
    ],
  },
  401: {
    code: 'UNAUTHENTICATED',
    message_zh: '请先登录，或登录已过期',
    message_en: 'sign in first, or the session has expired',
  },
  403: { code: 'FORBIDDEN', message_zh: '当前身份无权执行此操作', message_en: 'your role may not do this' },
  404: { code: 'NOT_FOUND', message_zh: '未找到', message_en: 'not found', field: 'id' },
  409: { code: 'CONFLICT', message_zh: '与当前状态冲突', message_en: 'conflict with the current state' },
  413: { code: 'PAYLOAD_TOO_LARGE', message_zh: '请求体过大', message_en: 'request body too large' },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message_zh: '不支持的内容类型：请求体须为 UTF-8 编码的 application/json',
    message_en: 'unsupported media type: send the body as UTF-8 application/json',
  },
  422: {
    code: 'SCORING_INVALID_AGGREGATION',
    message_zh: '评分规则或数据无法计算：计分方法不适用于这些评分（例如去掉最高分和最低分后剩下的评委太少）',
    message_en:
      'the rules or data cannot be computed: the aggregation does not apply to these scores (for example, too few judges remain after dropping)',
  },
  429: {
    code: 'RATE_LIMITED',
    message_zh: '请求过于频繁，请稍后再试',
    message_en: 'too many requests, try again later',
  },
};

const TYPICAL_DESCRIPTION: Readonly<Record<RefusalStatus, string>> = {
  400: '请求无效（field 与 details 指明字段） / invalid request; field and details name the fields',
  401: '未登录或令牌无效 / not signed in, or the token is not valid',
  403: '当前身份无权执行 / your role may not do this',
  404: '未找到 / not found',
  409: '与当前状态冲突 / conflicts with the current state',
  413: '请求体过大 / request body too large',
  415: '请求体须为 JSON（content-type: application/json） / the body must be JSON',
  422: '评分规则或数据无法计算 / the rules or the data cannot be computed',
  429: '请求过于频繁 / too many requests',
};

/** Documents a refusal in the shared error shape, with the route's own example when it has one. */
export function ApiError(
  status: RefusalStatus,
  description?: string,
  example?: RefusalExample,
): MethodDecorator & ClassDecorator {
  const { code, reason, ...rest } = example ?? TYPICAL[status];
  return ApiResponse({
    status,
    type: ErrorResponseDto,
    description: description ?? TYPICAL_DESCRIPTION[status],
    example: { code, reason: reason ?? code, ...rest },
  });
}

/** A typical refusal as the document states a response, for responses added to the document after it is built. */
export function typicalRefusal(status: RefusalStatus) {
  const { code, reason, ...rest } = TYPICAL[status];
  return {
    description: TYPICAL_DESCRIPTION[status],
    content: {
      'application/json': {
        schema: { $ref: `#/components/schemas/${ErrorResponseDto.name}` },
        example: { code, reason: reason ?? code, ...rest },
      },
    },
  };
}

/** What any route that reads a JSON body can refuse before it runs: an oversized or non-JSON body. */
export function ApiJsonBodyErrors(): MethodDecorator {
  return applyDecorators(ApiError(413), ApiError(415));
}

/**
 * What any route behind a sign-in can refuse: bad input, no valid session, a role that may not
 * (`forbidden` says which roles may, when the route has something to say).
 */
export function ApiCallerErrors(forbidden?: string): MethodDecorator {
  return applyDecorators(ApiError(400), ApiError(401), ApiError(403, forbidden));
}

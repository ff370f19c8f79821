import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

/** A documented refusal; `reason` is the code itself unless the example names a more specific one. */
export type ErrorExample = Omit<ErrorResponseDto, 'reason'> & { readonly reason?: string };

/** What each refusal typically looks like, so every documented error response carries an example. */
const TYPICAL: Readonly<Record<RefusalStatus, ErrorExample>> = {
  400: {
    code: 'VALIDATION_FAILED',
    message_zh: 'title 最多 100 个字符',
    message_en: 'title must be at most 100 characters',
    field: 'title',
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
  429: {
    code: 'RATE_LIMITED',
    message_zh: '请求过于频繁，请稍后再试',
    message_en: 'too many requests, try again later',
  },
};

/** Documents a refusal in the shared error shape, with the route's own example when it has one. */
export function ApiError(status: RefusalStatus, description?: string, example?: ErrorExample): MethodDecorator {
  const { code, reason, ...rest } = example ?? TYPICAL[status];
  return ApiResponse({
    status,
    type: ErrorResponseDto,
    description,
    example: { code, reason: reason ?? code, ...rest },
  });
}

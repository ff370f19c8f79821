import { Type, applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ApiCallerErrors, ApiError, RefusalExample } from './api-error.decorator';

export interface AnswerRefusals {
  /** 201 when the route creates what it answers with. */
  readonly status?: 200 | 201;
  /** Which roles may, as `ApiCallerErrors` words it. */
  readonly forbidden?: string;
  readonly notFound?: string;
  readonly notFoundExample?: RefusalExample;
}

/**
 * What a signed-in route about one thing (by the id in its path) documents: the thing it answers
 * with, what any signed-in route can refuse, and the 404 for a thing that is missing or not the
 * caller's, which the API never tells apart.
 */
export function ApiAnswerOrNotFound(type: Type<unknown>, refusals: AnswerRefusals = {}): MethodDecorator {
  return applyDecorators(
    ApiResponse({ status: refusals.status ?? 200, type }),
    ApiCallerErrors(refusals.forbidden),
    ApiError(404, refusals.notFound, refusals.notFoundExample),
  );
}

import { ApiResponse } from '@nestjs/swagger';
import { DomainError } from '@app/domain';
import { refusalExample } from '../common/api-error.decorator';
import { ErrorResponseDto } from '../common/error-response.dto';

/**
 * Phone verification without an SMS gateway (SMS_PROVIDER=none) or without Redis to keep its codes,
 * documented with the feature's own refusal.
 */
export const ApiSmsUnavailable = (refusal: DomainError): MethodDecorator =>
  ApiResponse({
    status: 503,
    type: ErrorResponseDto,
    description: '短信服务不可用 / SMS is unavailable',
    example: refusalExample(refusal),
  });

import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { RequestProblems, RequestRefusal } from '@app/domain';
import { RequestValidationError, fieldProblems } from './validation-error';

/** What the parent pipe throws; named once it is known where in the request the DTO sits. */
class ConstraintViolations extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('constraint violations');
  }
}

/**
 * The one global ValidationPipe, with rules of its own. A body that is not an object (`null`, an
 * array, a number) is refused naming `body`, not taken for `{}`; a missing body is `{}` for
 * routes whose fields are all optional and is refused naming `body` where fields are required.
 * Query parameters are named `query.<name>`, their path in the request.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: true, value: false },
      exceptionFactory: (errors) => new ConstraintViolations(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata)) {
      if (value === undefined) return this.missingBody(metadata);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new RequestValidationError([{ field: 'body', message: RequestProblems.bodyNotObject() }], {
          reason: RequestRefusal.BodyNotObject,
        });
      }
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ConstraintViolations)) throw error;
      throw new RequestValidationError(fieldProblems(error.errors, metadata.type === 'query' ? 'query' : ''));
    }
  }

  private async missingBody(metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform({}, metadata);
    } catch (error) {
      if (!(error instanceof ConstraintViolations)) throw error;
      throw new RequestValidationError(
        [{ field: 'body', message: RequestProblems.bodyMissing() }, ...fieldProblems(error.errors)],
        { reason: RequestRefusal.BodyMissing },
      );
    }
  }
}

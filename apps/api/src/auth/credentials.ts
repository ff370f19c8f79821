import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { says } from '../common/input.decorators';

/** Lower-case letters, digits and `. _ @ -`; 3–64 characters, starting with a letter or digit. */
export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._@-]{2,63}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Logins are compared case-insensitively by storing them lower-cased: `LiMin` and `limin` are one account. */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export function LoginField(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeLogin(value) : value)),
    IsDefined(),
    IsString(),
    Matches(
      LOGIN_PATTERN,
      says(
        '须为 3–64 位小写字母、数字或 . _ @ -，以字母或数字开头',
        'must be 3 to 64 lower-case letters, digits or . _ @ -, starting with a letter or digit',
      ),
    ),
  );
}

/** Long enough to resist guessing; any characters, Chinese included, so a passphrase works. */
export function NewPasswordField(): PropertyDecorator {
  return applyDecorators(IsDefined(), IsString(), MinLength(PASSWORD_MIN_LENGTH), MaxLength(PASSWORD_MAX_LENGTH));
}

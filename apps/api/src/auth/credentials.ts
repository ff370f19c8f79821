import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, Matches, MaxLength, MinLength } from 'class-validator';

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
    Matches(LOGIN_PATTERN),
  );
}

/** Long enough to resist guessing; any characters, Chinese included, so a passphrase works. */
export function NewPasswordField(): PropertyDecorator {
  return applyDecorators(IsDefined(), IsString(), MinLength(PASSWORD_MIN_LENGTH), MaxLength(PASSWORD_MAX_LENGTH));
}

import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { BilingualMessage } from '@app/domain';
import { yuanFigure } from '@app/scoring';

/**
 * The largest amount any field accepts: ¥100 billion, far above any pool, and small enough that
 * the sum of 900 such amounts is still an exact JavaScript integer.
 */
export const MAX_FEN = 10_000_000_000_000;

// Postgres refuses NUL in text and jsonb (a 500, not a 400); other control characters are never
// meant in a title or a name and break CSV exports and PDFs downstream.
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
// eslint-disable-next-line no-control-regex -- as above, but tab and line breaks are text in a summary
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;

/** What a constraint asks for, in words, for the refusal (see describeConstraint). */
export function says(zh: string, en: string): { readonly context: BilingualMessage } {
  return { context: { zh, en } };
}

const SINGLE_LINE_SAYS = says('不能含有换行或其他控制字符', 'must not contain line breaks or other control characters');
const MULTI_LINE_SAYS = says('不能含有控制字符', 'must not contain control characters');
const NOT_BLANK_SAYS = says('不能只有空白', 'must not be blank');

const trimOne = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);
const trim = ({ value }: { value: unknown }): unknown => (Array.isArray(value) ? value.map(trimOne) : trimOne(value));

/**
 * Skips validation only when the field is absent. Unlike @IsOptional, an explicit null is still
 * validated, so `{"title": null}` is a 400 naming the field rather than a NOT NULL error.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

export interface TextFieldOptions {
  /** Maximum length in characters as people count them: a CJK character or an emoji is one. */
  readonly max: number;
  /** Keeps line breaks and tabs, and leading/trailing space (a summary is stored as typed). */
  readonly multiline?: boolean;
  readonly optional?: boolean;
  readonly allowEmpty?: boolean;
  /** Applies to every element of an array of texts. */
  readonly each?: boolean;
}

/** A text input: a string, trimmed when single-line, non-empty, capped, without control characters. */
export function TextField(options: TextFieldOptions): PropertyDecorator {
  const each = { each: options.each ?? false };
  const decorators: PropertyDecorator[] = [];
  if (options.optional) decorators.push(Optional());
  if (!options.multiline) decorators.push(Transform(trim));
  decorators.push(
    IsDefined(),
    IsString(each),
    MaxLength(options.max, each),
    options.multiline
      ? Matches(MULTI_LINE, { ...each, ...MULTI_LINE_SAYS })
      : Matches(SINGLE_LINE, { ...each, ...SINGLE_LINE_SAYS }),
  );
  if (!options.allowEmpty) {
    decorators.push(IsNotEmpty(each));
    // A multi-line text is stored as typed, so a blank one is caught here rather than by trimming.
    if (options.multiline) decorators.push(Matches(/\S/, { ...each, ...NOT_BLANK_SAYS }));
  }
  return applyDecorators(...decorators);
}

// class-validator reports a field's failed constraints in the order they were registered, and
// stacked decorators register bottom-up. These helpers register presence and type first, so a
// missing field reads "is required" and a number sent for a text "must be a string", not "must be
// at most 40 characters". When a field has several helpers, the one to report first goes last.

/** A string of at most `max` characters, taken as sent (identifiers, decimal texts); non-empty unless allowed. */
export function StringField(max: number, options: { allowEmpty?: boolean } = {}): PropertyDecorator {
  return applyDecorators(IsDefined(), IsString(), ...(options.allowEmpty ? [] : [IsNotEmpty()]), MaxLength(max));
}

export function IntField(min: number, max: number = Number.MAX_SAFE_INTEGER): PropertyDecorator {
  return applyDecorators(IsDefined(), IsInt(), Min(min), Max(max));
}

export function ArrayField(max: number, min = 0): PropertyDecorator {
  return applyDecorators(IsDefined(), IsArray(), ...(min > 0 ? [ArrayMinSize(min)] : []), ArrayMaxSize(max));
}

/**
 * Money in integer fen: no fractions, no strings, no negative or unsafe values. Its refusals state
 * amounts in yuan, as people count money; the field's label says the amount is in fen.
 */
export function IsFen(min = 0): PropertyDecorator {
  return applyDecorators(
    IsDefined(),
    IsInt(says('必须是以分为单位的整数', 'must be a whole number of fen')),
    Min(
      min,
      min === 0
        ? says('不能为负数', 'must not be negative')
        : says(`不能少于 ${yuanFigure(min)}`, `must be at least ${yuanFigure(min)}`),
    ),
    Max(MAX_FEN, says(`不能超过 ${yuanFigure(MAX_FEN)}`, `must not be more than ${yuanFigure(MAX_FEN)}`)),
  );
}

/** A moment with its time zone: "2026-03-31" alone would silently mean 08:00 Beijing time. */
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 moment with a date, a time and a zone, as deadlines and vote windows are given. */
export function DateTimeField(): PropertyDecorator {
  return applyDecorators(
    IsDefined(),
    IsDateString({ strict: true }),
    Matches(
      DATE_TIME_WITH_ZONE,
      says(
        '须写明日期、时间和时区，如 2026-03-31T17:00:00+08:00',
        'must give the date, the time and the zone, as in 2026-03-31T17:00:00+08:00',
      ),
    ),
  );
}

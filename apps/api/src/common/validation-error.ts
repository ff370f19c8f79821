import { ValidationError, getMetadataStorage } from 'class-validator';
import { BilingualMessage, DomainErrorCode, describeConstraint } from '@app/domain';

export interface FieldProblem {
  readonly field: string;
  readonly message: BilingualMessage;
}

/** class-validator hides a constraint's arguments (the 0 of @Min(0)); the metadata storage still has them. */
function constraintArgs(target: object | undefined, property: string, constraint: string): readonly unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const match = metadata.find((m) => m.propertyName === property && m.name === constraint);
  return (match?.constraints as unknown[] | undefined) ?? [];
}

function collect(errors: readonly ValidationError[], prefix: string, out: FieldProblem[]): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, english] of Object.entries(error.constraints ?? {})) {
      out.push({
        field,
        message: describeConstraint(
          constraint,
          field,
          constraintArgs(error.target, error.property, constraint),
          english,
        ),
      });
    }
    collect(error.children ?? [], field, out);
  }
}

/**
 * Flattens nested DTO errors into dotted field paths, in the order the fields were declared;
 * `prefix` says where in the request the DTO sits (`query` for query parameters).
 */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  collect(errors, prefix, out);
  return out;
}

/** How many problems a refusal lists in `details`; the rest are counted, not listed. */
export const MAX_DETAILS = 20;

/**
 * Thrown by the ValidationPipe and the edge checks; carries the problems found so a form can mark
 * every bad field at once. `total` counts them all, even when only the first were collected.
 */
export class RequestValidationError extends Error {
  readonly code = DomainErrorCode.ValidationFailed;
  readonly reason: string;
  readonly problems: readonly FieldProblem[];
  readonly total: number;

  constructor(problems: readonly FieldProblem[], options: { readonly reason?: string; readonly total?: number } = {}) {
    super(
      problems
        .slice(0, 3)
        .map((p) => p.message.en)
        .join('; '),
    );
    this.name = 'RequestValidationError';
    this.problems = problems;
    this.reason = options.reason ?? this.code;
    this.total = Math.max(options.total ?? problems.length, problems.length);
  }
}

import { ValidationError, getMetadataStorage } from 'class-validator';
import { BilingualMessage, DomainErrorCode, FieldStep, describeConstraint, fieldName } from '@app/domain';
import { labelOf } from './label.decorator';

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

/** What a decorator says its constraint asks for, given as `{ context: { zh, en } }`. */
function saidOf(error: ValidationError, constraint: string): BilingualMessage | undefined {
  const context: unknown = error.contexts?.[constraint];
  if (typeof context !== 'object' || context === null) return undefined;
  const { zh, en } = context as Partial<BilingualMessage>;
  return typeof zh === 'string' && typeof en === 'string' ? { zh, en } : undefined;
}

/** An item of a list is validated with the list as its target; a property with the object holding it. */
function stepOf(error: ValidationError): FieldStep {
  if (Array.isArray(error.target)) return { index: Number(error.property) };
  return { label: error.target ? labelOf(error.target.constructor, error.property) : undefined };
}

function collect(errors: readonly ValidationError[], prefix: string, steps: readonly FieldStep[], out: FieldProblem[]) {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const path = [...steps, stepOf(error)];
    const name = fieldName(path);
    for (const constraint of Object.keys(error.constraints ?? {})) {
      out.push({
        field,
        message: describeConstraint(
          constraint,
          name,
          constraintArgs(error.target, error.property, constraint),
          saidOf(error, constraint),
        ),
      });
    }
    collect(error.children ?? [], field, path, out);
  }
}

/**
 * Flattens nested DTO errors into dotted field paths, in the order the fields were declared, each
 * message naming the field by its label; `prefix` says where in the request the DTO sits (`query`
 * for query parameters).
 */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  collect(errors, prefix, [], out);
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

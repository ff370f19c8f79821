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

/** Flattens nested DTO errors into dotted field paths, in the order the fields were declared. */
export function fieldProblems(errors: readonly ValidationError[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  collect(errors, '', out);
  return out;
}

/** Thrown by the ValidationPipe; carries every problem so a form can mark all bad fields at once. */
export class RequestValidationError extends Error {
  readonly code = DomainErrorCode.ValidationFailed;
  readonly problems: readonly FieldProblem[];

  constructor(problems: readonly FieldProblem[]) {
    super(problems.map((p) => p.message.en).join('; '));
    this.name = 'RequestValidationError';
    this.problems = problems;
  }
}

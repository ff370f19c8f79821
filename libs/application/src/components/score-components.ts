import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComponentErrors, CompetitionState, ScoreComponentRule } from '@app/domain';
import { AuditRepository, ComponentValuesRepository } from '@app/persistence';
import { Rational, ScoringError, storedComponentsOf } from '@app/scoring';
import { AuditActor } from '../audit-actor';
import { CompetitionLifecycle } from '../competition/competition-lifecycle';

/** Exact text as component values are stored: a decimal of up to 12 places, or a fraction (a vote share). */
const EXACT_VALUE = /^\d{1,9}(\.\d{1,12})?$|^\d{1,40}\/[1-9]\d{0,39}$/;

/** Once the result is public (or later), a value change would contradict the notice. */
const PUBLISHED_STATES: readonly CompetitionState[] = [
  CompetitionState.Publicity,
  CompetitionState.Awarded,
  CompetitionState.InProgress,
  CompetitionState.Finished,
];

export interface ComponentValuesInput {
  readonly competitionId: string;
  readonly componentKey: string;
  readonly source: 'input' | 'vote';
  /** Points as exact text: "85", "36.5", or "200/3" for a vote share that repeats. */
  readonly values: readonly { readonly projectId: string; readonly value: string }[];
}

export interface RecordedComponentValues {
  readonly componentKey: string;
  /** Values that were new or changed. */
  readonly written: number;
  readonly unchanged: number;
}

/**
 * The one way values of score components are written and frozen, for the office's entry and
 * import and for a vote round's close alike: the component must be an input or vote part of the
 * rules, with the source it states; a locked component refuses every write; each value is exact,
 * at least 0 and at most the component's maximum, for a submitted project of the competition,
 * given once. All or nothing, audited with the values before and after.
 */
@Injectable()
export class ScoreComponents {
  constructor(
    private readonly lifecycle: CompetitionLifecycle,
    private readonly values: ComponentValuesRepository,
    private readonly audit: AuditRepository,
  ) {}

  async recordComponentValues(
    manager: EntityManager,
    input: ComponentValuesInput,
    actor: AuditActor,
  ): Promise<RecordedComponentValues> {
    const component = await this.component(manager, input.competitionId, input.componentKey, 'share');
    if (component.source !== input.source) {
      throw ComponentErrors.sourceMismatch(component, component.source, input.source);
    }
    if (await this.values.findLock(manager, input.competitionId, component.key))
      throw ComponentErrors.locked(component);
    if (input.values.length === 0) throw ComponentErrors.empty();
    const max = Rational.parse(component.maxPoints ?? '0');
    const seen = new Set<string>();
    const canonical = input.values.map((entry, i) => {
      if (seen.has(entry.projectId)) throw ComponentErrors.projectRepeated(`values.${i}.projectId`);
      seen.add(entry.projectId);
      const value = exactValue(entry.value, `values.${i}.value`);
      if (value.gt(max)) throw ComponentErrors.valueAboveMax(`values.${i}.value`, component, max.toExactString());
      return { submissionId: entry.projectId, value: value.toExactString() };
    });
    const submitted = await this.values.submittedIds(
      manager,
      input.competitionId,
      canonical.map((entry) => entry.submissionId),
    );
    canonical.forEach((entry, i) => {
      if (!submitted.has(entry.submissionId)) throw ComponentErrors.projectUnknown(`values.${i}.projectId`);
    });
    const current = await this.values.valuesFor(manager, input.competitionId, component.key);
    const changed = canonical.filter((entry) => current.get(entry.submissionId)?.value !== entry.value);
    if (changed.length > 0) {
      await this.values.upsert(manager, input.competitionId, component.key, input.source, changed, actor.actorId);
      await this.audit.record(
        {
          ...actor,
          action: 'component-values.record',
          subjectType: 'competition',
          subjectId: input.competitionId,
          before: {
            componentKey: component.key,
            values: Object.fromEntries(
              changed.map((entry) => [entry.submissionId, current.get(entry.submissionId)?.value ?? null]),
            ),
          },
          after: {
            componentKey: component.key,
            source: input.source,
            values: Object.fromEntries(changed.map((entry) => [entry.submissionId, entry.value])),
          },
        },
        manager,
      );
    }
    return { componentKey: component.key, written: changed.length, unchanged: canonical.length - changed.length };
  }

  /** Freezes a component's values for ranking; every screened-in project must have one. Locking twice is a no-op. */
  async lock(manager: EntityManager, competitionId: string, componentKey: string, actor: AuditActor): Promise<void> {
    const component = await this.component(manager, competitionId, componentKey, 'update');
    if (await this.values.findLock(manager, competitionId, component.key)) return;
    const screenedIn = await this.values.screenedInIds(manager, competitionId);
    const valued = await this.values.valuesFor(manager, competitionId, component.key);
    const missing = screenedIn.filter((id) => !valued.has(id)).length;
    if (missing > 0) throw ComponentErrors.incomplete(component, missing);
    await this.values.lock(manager, competitionId, component.key, actor.actorId);
    await this.audit.record(
      {
        ...actor,
        action: 'component-values.lock',
        subjectType: 'competition',
        subjectId: competitionId,
        after: { componentKey: component.key, projects: screenedIn.length },
      },
      manager,
    );
  }

  /** Lets a locked component's values be corrected again, until the result is published. */
  async unlock(manager: EntityManager, competitionId: string, componentKey: string, actor: AuditActor): Promise<void> {
    const competition = await this.lifecycle.lock(manager, competitionId, 'update');
    const component = componentOf(competition.rules.components, componentKey);
    if (PUBLISHED_STATES.includes(competition.state)) throw ComponentErrors.unlockAfterPublication(component);
    const lock = await this.values.findLock(manager, competitionId, component.key);
    if (!lock) return;
    await this.values.unlock(manager, competitionId, component.key);
    await this.audit.record(
      {
        ...actor,
        action: 'component-values.unlock',
        subjectType: 'competition',
        subjectId: competitionId,
        before: { componentKey: component.key, lockedAt: lock.lockedAt.toISOString(), lockedBy: lock.lockedBy },
      },
      manager,
    );
  }

  private async component(
    manager: EntityManager,
    competitionId: string,
    key: string,
    mode: 'update' | 'share',
  ): Promise<ScoreComponentRule> {
    const competition = await this.lifecycle.lock(manager, competitionId, mode);
    return componentOf(competition.rules.components, key);
  }
}

/** An input or vote component of the rules by key; the roadshow's has no stored values. */
function componentOf(components: readonly ScoreComponentRule[] | undefined, key: string): ScoreComponentRule {
  const component = storedComponentsOf({ components }).find((c) => c.key === key);
  if (!component) throw ComponentErrors.unknown(key);
  return component;
}

function exactValue(text: string, field: string): Rational {
  if (!EXACT_VALUE.test(text)) throw ComponentErrors.valueFormat(field, 12);
  try {
    return Rational.parseExact(text, field);
  } catch (error) {
    if (error instanceof ScoringError) throw ComponentErrors.valueFormat(field, 12);
    throw error;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ScoreComponents } from '@app/application';
import {
  BilingualMessage,
  CompetitionErrors,
  ComponentErrors,
  ComponentRefusal,
  DomainError,
  ScoreComponentRule,
} from '@app/domain';
import { CompetitionsRepository, ComponentValuesRepository } from '@app/persistence';
import { donationPointsOf, readDelimitedRows, storedComponentsOf } from '@app/scoring';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { PROJECT_ID_COLUMN } from '../results/results-csv';
import { FieldProblem, RequestValidationError } from '../common/validation-error';
import {
  CompetitionComponentsDto,
  ComponentValueEntryDto,
  RecordedComponentValuesDto,
} from './dto/component-values.dto';

const VALUE_COLUMN = { zh: '分数', en: 'Value' };
const DONATION_COLUMN = { zh: '捐赠金额（元）', en: 'Donations (yuan)' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POINTS = /^\d{1,9}(\.\d{1,4})?$/;
const YUAN = /^\d{1,9}(\.\d{1,2})?$/;

/** A header cell names a column by its Chinese, its English, or both as "中文 / English". */
function isColumn(cell: string, column: BilingualMessage): boolean {
  const text = cell.trim().toLowerCase();
  return (
    text === column.zh.toLowerCase() ||
    text === column.en.toLowerCase() ||
    text === `${column.zh} / ${column.en}`.toLowerCase()
  );
}

function lineProblem(line: number, column: string, message: BilingualMessage): FieldProblem {
  return {
    field: `csv.lines.${line}.${column}`,
    message: { zh: `第 ${line} 行：${message.zh}`, en: `line ${line}: ${message.en}` },
  };
}

function refuseCsv(problems: readonly FieldProblem[]): RequestValidationError {
  return new RequestValidationError(problems, { reason: ComponentRefusal.CsvRowsInvalid });
}

function yuanToFen(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** The office's entry, import, reading and locking of component values; the writes go through ScoreComponents. */
@Injectable()
export class ComponentValuesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly competitions: CompetitionsRepository,
    private readonly values: ComponentValuesRepository,
    private readonly components: ScoreComponents,
  ) {}

  async list(competitionId: string): Promise<CompetitionComponentsDto> {
    const competition = await this.competitions.findById(competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    const [rows, locks, screenedIn] = await Promise.all([
      this.values.valuesOf(competitionId),
      this.values.locksOf(competitionId),
      this.values.screenedInIds(this.dataSource.manager, competitionId),
    ]);
    const titles = await this.values.titlesOf(rows.map((row) => row.submissionId));
    return {
      competitionId,
      components: storedComponentsOf(competition.rules).map((component) => {
        const lock = locks.find((entry) => entry.componentKey === component.key);
        const own = rows.filter((row) => row.componentKey === component.key);
        const valued = new Set(own.map((row) => row.submissionId));
        return {
          ...component,
          locked: lock !== undefined,
          lockedAt: lock ? lock.lockedAt.toISOString() : null,
          values: own.map((row) => ({
            projectId: row.submissionId,
            projectTitle: titles.get(row.submissionId) ?? '',
            value: row.value,
            source: row.source,
            version: row.version,
            updatedAt: row.updatedAt.toISOString(),
          })),
          missingProjectIds: screenedIn.filter((id) => !valued.has(id)),
        };
      }),
    };
  }

  async record(
    actor: Actor,
    competitionId: string,
    key: string,
    entries: readonly ComponentValueEntryDto[],
  ): Promise<RecordedComponentValuesDto> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await this.inputComponent(competitionId, key);
      const values = entries.map((entry, i) => ({
        projectId: entry.projectId,
        value: this.pointsOf(rule, entry, `values.${i}`),
      }));
      return this.components.recordComponentValues(
        manager,
        { competitionId, componentKey: key, source: 'input', values },
        auditActor(actor),
      );
    });
  }

  /**
   * A CSV of one component's values: every row checked and every problem reported with its line;
   * a refusal of the use-case (an unknown project, a value above the maximum) names its line too.
   * Nothing is written unless every row is right.
   */
  async import(actor: Actor, competitionId: string, key: string, csv: string): Promise<RecordedComponentValuesDto> {
    const rule = await this.inputComponent(competitionId, key);
    const donations = rule.fenPerPoint !== undefined;
    const valueColumn = donations ? DONATION_COLUMN : VALUE_COLUMN;
    const { rows: records, unclosedAt } = readDelimitedRows(csv, ',');
    if (unclosedAt !== undefined) {
      throw refuseCsv([lineProblem(unclosedAt, 'quote', { zh: '引号未闭合', en: 'a quoted field is never closed' })]);
    }
    const rows = records.filter((record) => record.cells.some((cell) => cell.trim() !== ''));
    const [header, ...data] = rows;
    const projectAt = header ? header.cells.findIndex((cell) => isColumn(cell, PROJECT_ID_COLUMN)) : -1;
    const valueAt = header ? header.cells.findIndex((cell) => isColumn(cell, valueColumn)) : -1;
    if (!header || projectAt < 0 || valueAt < 0) {
      throw refuseCsv([
        lineProblem(header?.line ?? 1, 'header', {
          zh: `表头须含“${PROJECT_ID_COLUMN.zh} / ${PROJECT_ID_COLUMN.en}”和“${valueColumn.zh} / ${valueColumn.en}”两列`,
          en: `the header needs the columns "${PROJECT_ID_COLUMN.zh} / ${PROJECT_ID_COLUMN.en}" and "${valueColumn.zh} / ${valueColumn.en}"`,
        }),
      ]);
    }
    if (data.length === 0) {
      throw refuseCsv([lineProblem(header.line, 'header', { zh: '表头下没有数据行', en: 'no rows below the header' })]);
    }
    const problems: FieldProblem[] = [];
    const entries: ComponentValueEntryDto[] = [];
    for (const record of data) {
      const projectId = (record.cells[projectAt] ?? '').trim();
      const raw = (record.cells[valueAt] ?? '').trim();
      if (!UUID.test(projectId)) {
        problems.push(
          lineProblem(record.line, 'projectId', {
            zh: '项目编号须为结果表中的项目编号（UUID）',
            en: 'the project ID must be the one the results table lists (a UUID)',
          }),
        );
      }
      if (!(donations ? YUAN : POINTS).test(raw)) {
        problems.push(
          lineProblem(
            record.line,
            'value',
            donations
              ? {
                  zh: '捐赠金额须为元，最多 2 位小数（如 23500 或 23500.50）',
                  en: 'donations in yuan, at most 2 places (23500 or 23500.50)',
                }
              : {
                  zh: '分数须为数字，最多 4 位小数（如 85 或 36.5）',
                  en: 'the value must be a number with at most 4 places (85 or 36.5)',
                },
          ),
        );
      }
      entries.push(
        donations ? { projectId, donationFen: YUAN.test(raw) ? yuanToFen(raw) : 0 } : { projectId, value: raw },
      );
    }
    if (problems.length > 0) throw refuseCsv(problems);
    try {
      return await this.record(actor, competitionId, key, entries);
    } catch (error) {
      const at = error instanceof DomainError ? /^values\.(\d+)\.(\w+)$/.exec(error.field ?? '') : null;
      if (!at || !(error instanceof DomainError)) throw error;
      const line = data[Number(at[1])].line;
      throw refuseCsv([lineProblem(line, at[2], { zh: error.messageZh, en: error.messageEn })]);
    }
  }

  lock(actor: Actor, competitionId: string, key: string): Promise<CompetitionComponentsDto> {
    return this.dataSource
      .transaction((manager) => this.components.lock(manager, competitionId, key, auditActor(actor)))
      .then(() => this.list(competitionId));
  }

  unlock(actor: Actor, competitionId: string, key: string): Promise<CompetitionComponentsDto> {
    return this.dataSource
      .transaction((manager) => this.components.unlock(manager, competitionId, key, auditActor(actor)))
      .then(() => this.list(competitionId));
  }

  /** The office writes only input components; a vote's values come from its round. */
  private async inputComponent(competitionId: string, key: string): Promise<ScoreComponentRule> {
    const competition = await this.competitions.findById(competitionId);
    if (!competition) throw CompetitionErrors.notFound();
    const rule = storedComponentsOf(competition.rules).find((c) => c.key === key);
    if (!rule) throw ComponentErrors.unknown(key);
    if (rule.source !== 'input') throw ComponentErrors.sourceMismatch(rule, rule.source, 'input');
    return rule;
  }

  /** Points as exact text: as entered, or the donation turned into points by the rule. */
  private pointsOf(rule: ScoreComponentRule, entry: ComponentValueEntryDto, field: string): string {
    if (rule.fenPerPoint !== undefined) {
      if (entry.donationFen === undefined || entry.value !== undefined) {
        throw ComponentErrors.valueKind(`${field}.donationFen`, rule, true);
      }
      return donationPointsOf(entry.donationFen, {
        fenPerPoint: rule.fenPerPoint,
        maxPoints: rule.maxPoints ?? '0',
      }).toExactString();
    }
    if (entry.value === undefined || entry.donationFen !== undefined) {
      throw ComponentErrors.valueKind(`${field}.value`, rule, false);
    }
    return entry.value;
  }
}

import { readDelimitedRows, type DelimitedRow as CsvRow } from '../delimited-text';
import { Rational } from '../rational';
import { ScoringError, ScoringErrorCode } from '../scoring.error';
import { PabulibBallot, PabulibElection, PabulibProject } from './pabulib.types';

function malformed(message: string, field: string): ScoringError {
  return new ScoringError(ScoringErrorCode.InvalidInput, `Pabulib: ${message}`, field);
}

/** Semicolon-separated rows, as Python's csv module writes Pabulib files. */
function readRows(text: string): CsvRow[] {
  const { rows, unclosedAt } = readDelimitedRows(text, ';');
  if (unclosedAt !== undefined)
    throw malformed(`unterminated quote starting on line ${unclosedAt}`, `line.${unclosedAt}`);
  return rows;
}

const SECTIONS = ['META', 'PROJECTS', 'VOTES'] as const;
type Section = (typeof SECTIONS)[number];

function sectionName(row: CsvRow): Section | undefined {
  if (row.cells.length !== 1) return undefined;
  const name = row.cells[0].trim().toUpperCase();
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : undefined;
}

function integer(text: string, field: string, line: number): bigint {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) throw malformed(`expected a whole number on line ${line}: "${text}"`, field);
  return BigInt(trimmed);
}

function decimal(text: string, field: string, where: string): Rational {
  const value = Rational.parse(text.trim(), field);
  if (value.isNegative()) throw malformed(`expected a non-negative number ${where}: "${text}"`, field);
  return value;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * Parses a Pabulib .pb file (META, PROJECTS and VOTES sections, each a semicolon CSV table with a
 * header row). Pure: takes the text, returns the election; throws a ScoringError naming the section,
 * row and column of the first problem.
 *
 * Invariants: project ids are unique; every ballot names only known projects; `votes` and `score`
 * come from the PROJECTS columns when present, otherwise they are counted from VOTES.
 */
export function parsePabulib(text: string): PabulibElection {
  const sections = new Map<Section, CsvRow[]>();
  let current: CsvRow[] | undefined;
  for (const row of readRows(text)) {
    const name = sectionName(row);
    if (name !== undefined) {
      if (sections.has(name)) throw malformed(`section ${name} appears twice (line ${row.line})`, name.toLowerCase());
      current = [];
      sections.set(name, current);
    } else if (current === undefined) {
      throw malformed(`line ${row.line} comes before the META section`, `line.${row.line}`);
    } else {
      current.push(row);
    }
  }
  for (const name of SECTIONS) {
    if (!sections.has(name)) throw malformed(`missing section ${name}`, name.toLowerCase());
  }
  const meta = readMeta(sections.get('META') ?? []);
  const budgetText = meta.get('budget');
  if (budgetText === undefined) throw malformed('META has no budget', 'meta.budget');
  const budget = decimal(budgetText, 'meta.budget', 'in META');
  const voteType = meta.get('vote_type') ?? 'approval';
  const thresholdText = meta.get('min_project_score_threshold');
  const projectTable = readTable(sections.get('PROJECTS') ?? [], 'projects', ['project_id', 'cost']);
  const ballotTable = readTable(sections.get('VOTES') ?? [], 'votes', ['voter_id', 'vote']);

  const projectIds = new Set<string>();
  for (const [k, record] of projectTable.entries()) {
    const id = record.values.get('project_id') ?? '';
    if (id === '') throw malformed(`empty project_id on line ${record.line}`, `projects.${k}.project_id`);
    if (projectIds.has(id))
      throw new ScoringError(
        ScoringErrorCode.DuplicateId,
        `Pabulib: project ${id} listed twice`,
        `projects.${k}.project_id`,
      );
    projectIds.add(id);
  }
  const ballots = ballotTable.map((record, k): PabulibBallot => {
    const ids = splitList(record.values.get('vote') ?? '');
    for (const id of ids) {
      if (!projectIds.has(id))
        throw malformed(`ballot on line ${record.line} names unknown project ${id}`, `votes.${k}.vote`);
    }
    const pointsText = record.values.get('points');
    const points =
      pointsText === undefined
        ? undefined
        : splitList(pointsText).map((p) => integer(p, `votes.${k}.points`, record.line));
    if (points !== undefined && points.length !== ids.length) {
      throw malformed(
        `ballot on line ${record.line} has ${ids.length} projects but ${points.length} points`,
        `votes.${k}.points`,
      );
    }
    return { voterId: record.values.get('voter_id') ?? '', projectIds: ids, points };
  });

  const countedVotes = new Map<string, bigint>();
  const countedPoints = new Map<string, bigint>();
  for (const ballot of ballots) {
    ballot.projectIds.forEach((id, j) => {
      countedVotes.set(id, (countedVotes.get(id) ?? 0n) + 1n);
      if (ballot.points !== undefined) countedPoints.set(id, (countedPoints.get(id) ?? 0n) + ballot.points[j]);
    });
  }
  const hasPoints = ballots.some((ballot) => ballot.points !== undefined);
  const projects = projectTable.map((record, k): PabulibProject => {
    const id = record.values.get('project_id') ?? '';
    const votesText = record.values.get('votes');
    const scoreText = record.values.get('score');
    return {
      id,
      cost: decimal(record.values.get('cost') ?? '', `projects.${k}.cost`, `on line ${record.line}`),
      votes:
        votesText === undefined || votesText.trim() === ''
          ? (countedVotes.get(id) ?? 0n)
          : integer(votesText, `projects.${k}.votes`, record.line),
      score:
        scoreText !== undefined && scoreText.trim() !== ''
          ? integer(scoreText, `projects.${k}.score`, record.line)
          : hasPoints
            ? (countedPoints.get(id) ?? 0n)
            : undefined,
      fields: record.values,
    };
  });
  return {
    meta,
    budget,
    voteType,
    rule: meta.get('rule'),
    minProjectScoreThreshold:
      thresholdText === undefined || thresholdText.trim() === ''
        ? undefined
        : decimal(thresholdText, 'meta.min_project_score_threshold', 'in META'),
    projects,
    ballots,
  };
}

function readMeta(rows: readonly CsvRow[]): Map<string, string> {
  const meta = new Map<string, string>();
  rows.forEach((row, k) => {
    if (k === 0 && row.cells[0].trim() === 'key') return;
    if (row.cells.length < 2) throw malformed(`META line ${row.line} is not key;value`, `meta.${k}`);
    meta.set(row.cells[0].trim(), row.cells.slice(1).join(';').trim());
  });
  return meta;
}

interface TableRecord {
  readonly line: number;
  readonly values: ReadonlyMap<string, string>;
}

function readTable(rows: readonly CsvRow[], section: string, required: readonly string[]): TableRecord[] {
  if (rows.length === 0) throw malformed(`${section.toUpperCase()} has no header row`, section);
  const header = rows[0].cells.map((cell) => cell.trim());
  for (const column of required) {
    if (!header.includes(column))
      throw malformed(`${section.toUpperCase()} header lacks column ${column}`, `${section}.header`);
  }
  return rows.slice(1).map((row, k) => {
    if (row.cells.length !== header.length) {
      throw malformed(
        `${section.toUpperCase()} line ${row.line} has ${row.cells.length} cells, header has ${header.length}`,
        `${section}.${k}`,
      );
    }
    return { line: row.line, values: new Map(header.map((name, j) => [name, row.cells[j]])) };
  });
}

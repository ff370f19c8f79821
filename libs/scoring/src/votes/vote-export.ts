import { csvLineCells } from '../agreement/ratings-csv';
import type { Sha256Hex } from '../bundle';
import { ScoringError, ScoringErrorCode } from '../scoring.error';

/** A vote as its record hash covers it: everything the vote says, and nothing the office later decides. */
export interface VoteRecord {
  readonly roundId: string;
  readonly voterId: string;
  readonly projectId: string;
  readonly ordinal: number;
  readonly method: string;
  /** ISO 8601 with milliseconds, as Date.toISOString writes it. */
  readonly castAt: string;
  readonly addressHash: string;
  readonly deviceHash: string;
  readonly flags: readonly string[];
}

/**
 * The text a vote's record hash is the SHA-256 of: versioned, one field per line, flags sorted,
 * so the API that writes the vote and an auditor reading the export compute the same bytes.
 */
export function voteRecordText(vote: VoteRecord): string {
  return [
    'gongyi-chuangtou/vote/1',
    vote.roundId,
    vote.voterId,
    vote.projectId,
    String(vote.ordinal),
    vote.method,
    vote.castAt,
    vote.addressHash,
    vote.deviceHash,
    [...vote.flags].sort().join(';'),
  ].join('\n');
}

/** The export's columns: what the API writes and the auditors' CLI reads, Chinese first in the header. */
export const VOTE_EXPORT_COLUMNS = {
  voteId: '选票编号 / Vote ID',
  roundId: '投票编号 / Round ID',
  castAt: '投票时间 / Cast at',
  projectId: '项目编号 / Project ID',
  projectTitle: '项目名称 / Project',
  category: '类别 / Category',
  voterId: '投票人（化名）/ Voter (pseudonym)',
  ordinal: '同项目第几票 / Nth vote for the project',
  method: '验证方式 / Method',
  addressHash: '地址摘要 / Address hash',
  deviceHash: '设备摘要 / Device hash',
  flags: '标记 / Flags',
  review: '审核 / Review',
  reviewReason: '审核理由 / Review reason',
  recordHash: '记录摘要 / Record hash',
} as const;

export type VoteExportColumn = keyof typeof VOTE_EXPORT_COLUMNS;

/** How the export's review column says a vote was voided; the tally leaves those out. */
export const VOTE_EXPORT_VOID = 'void';

export interface VoteExportTally {
  /** Valid votes per project, projects in id order; a project with none is absent. */
  readonly projects: readonly { readonly projectId: string; readonly votes: number }[];
  readonly valid: number;
  readonly voided: number;
  /** Votes whose record hash does not match their row: the export was altered, or is not this platform's. */
  readonly altered: readonly string[];
}

/**
 * Recomputes a vote round's tally from its CSV export, as anyone holding the file can. Invariants:
 * valid + voided equals the rows; a voided vote never counts; every row's record hash is checked
 * against its own fields, so a vote moved to another project or un-voided by editing the file is
 * caught (editing the review column alone changes no hash, which is why voids are also audited).
 */
export function tallyVoteExport(text: string, sha256: Sha256Hex): VoteExportTally {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) {
    throw new ScoringError(ScoringErrorCode.InvalidInput, 'empty file: expected the vote export header', 'line 1');
  }
  const header = csvLineCells(lines[headerIndex], headerIndex + 1);
  const at = Object.fromEntries(
    Object.entries(VOTE_EXPORT_COLUMNS).map(([key, name]) => {
      const index = header.indexOf(name);
      if (index < 0) {
        throw new ScoringError(
          ScoringErrorCode.InvalidInput,
          `missing column "${name}": is this a vote export?`,
          `line ${headerIndex + 1}`,
        );
      }
      return [key, index];
    }),
  ) as Record<VoteExportColumn, number>;

  const counts = new Map<string, number>();
  const altered: string[] = [];
  let valid = 0;
  let voided = 0;
  for (let n = headerIndex + 1; n < lines.length; n += 1) {
    if (lines[n].trim() === '') continue;
    const row = csvLineCells(lines[n], n + 1);
    const cell = (column: VoteExportColumn) => row[at[column]] ?? '';
    const ordinal = Number(cell('ordinal'));
    if (cell('voteId') === '' || cell('projectId') === '' || !Number.isInteger(ordinal) || ordinal < 1) {
      throw new ScoringError(
        ScoringErrorCode.InvalidInput,
        'a vote row needs its id, project and ordinal',
        `line ${n + 1}`,
      );
    }
    const record: VoteRecord = {
      roundId: cell('roundId'),
      voterId: cell('voterId'),
      projectId: cell('projectId'),
      ordinal,
      method: cell('method'),
      castAt: cell('castAt'),
      addressHash: cell('addressHash'),
      deviceHash: cell('deviceHash'),
      flags: cell('flags') === '' ? [] : cell('flags').split(';'),
    };
    if (sha256(voteRecordText(record)) !== cell('recordHash')) altered.push(cell('voteId'));
    if (cell('review') === VOTE_EXPORT_VOID) {
      voided += 1;
      continue;
    }
    valid += 1;
    counts.set(record.projectId, (counts.get(record.projectId) ?? 0) + 1);
  }
  const projects = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([projectId, votes]) => ({ projectId, votes }));
  return { projects, valid, voided, altered };
}

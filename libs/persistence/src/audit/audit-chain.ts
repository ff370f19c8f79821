import { createHash } from 'node:crypto';

/**
 * One audit row as the chain sees it: every field as text, exactly as the database hashed it (the
 * time in UTC to the microsecond, before/after as Postgres prints jsonb). The export carries these
 * texts, so anyone can recompute the chain from the file alone.
 */
export interface AuditChainRow {
  readonly id: string;
  readonly occurredAt: string;
  readonly tenantId: string | null;
  /** The row's position in its chain, from 1. */
  readonly chainSeq: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly requestId: string | null;
  readonly prevHash: string | null;
  readonly hash: string;
}

/** The export's columns, in order: the hashed fields, then the row's own hash. */
export const AUDIT_EXPORT_COLUMNS = [
  'id',
  'occurred_at',
  'tenant_id',
  'chain_seq',
  'actor_type',
  'actor_id',
  'action',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'request_id',
  'prev_hash',
  'hash',
] as const;

export function auditExportRow(row: AuditChainRow): string[] {
  return [
    row.id,
    row.occurredAt,
    row.tenantId ?? '',
    row.chainSeq,
    row.actorType,
    row.actorId ?? '',
    row.action,
    row.subjectType,
    row.subjectId,
    row.before ?? '',
    row.after ?? '',
    row.requestId ?? '',
    row.prevHash ?? '',
    row.hash,
  ];
}

/**
 * An export's row read back: an empty optional cell is NULL, which the canonical text does not tell
 * from an empty text.
 */
export function auditRowFromExport(cells: readonly string[]): AuditChainRow {
  const orNull = (value: string) => (value === '' ? null : value);
  return {
    id: cells[0],
    occurredAt: cells[1],
    tenantId: orNull(cells[2]),
    chainSeq: cells[3],
    actorType: cells[4],
    actorId: orNull(cells[5]),
    action: cells[6],
    subjectType: cells[7],
    subjectId: cells[8],
    before: orNull(cells[9]),
    after: orNull(cells[10]),
    requestId: orNull(cells[11]),
    prevHash: orNull(cells[12]),
    hash: cells[13],
  };
}

/**
 * COPY's text escapes, so no field holds a raw line break. An optional field that is empty counts as
 * absent (`\N`), as a CSV cell cannot tell the two apart.
 */
function canonicalField(value: string | null, optional = true): string {
  if (value === null || (optional && value === '')) return '\\N';
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * The text a row's hash is taken over: a version line, then id, time, tenant, position in the chain, actor type, actor id,
 * action, subject type, subject id, before, after, request id and the previous row's hash, one per
 * line. The database computes the same text in `audit_event_canonical` (migration 1764846000000);
 * the two must stay identical, which the integration test checks against real rows.
 */
export function auditCanonicalText(row: Omit<AuditChainRow, 'hash'>): string {
  return [
    'gongyi-audit-v1',
    row.id,
    row.occurredAt,
    canonicalField(row.tenantId),
    row.chainSeq,
    canonicalField(row.actorType, false),
    canonicalField(row.actorId),
    canonicalField(row.action, false),
    canonicalField(row.subjectType, false),
    canonicalField(row.subjectId, false),
    canonicalField(row.before),
    canonicalField(row.after),
    canonicalField(row.requestId),
    canonicalField(row.prevHash),
  ].join('\n');
}

export function auditRowHash(row: Omit<AuditChainRow, 'hash'>): string {
  return createHash('sha256').update(auditCanonicalText(row), 'utf8').digest('hex');
}

export interface AuditChainSummary {
  /** null: the platform's own chain. */
  readonly tenantId: string | null;
  readonly count: number;
  readonly firstId: string;
  /** The hash the first row continues from: null when the file starts at the chain's beginning. */
  readonly continuesFrom: string | null;
  readonly head: string;
}

export type AuditChainBreak =
  | { readonly kind: 'hash-mismatch'; readonly id: string; readonly stored: string; readonly computed: string }
  | { readonly kind: 'same-position'; readonly id: string; readonly otherId: string; readonly chainSeq: string }
  | {
      readonly kind: 'rows-missing';
      readonly id: string;
      readonly previousId: string;
      readonly fromSeq: string;
      readonly toSeq: string;
    }
  | {
      readonly kind: 'link-mismatch';
      readonly id: string;
      readonly previousId: string;
      readonly prevHash: string | null;
      readonly previousHash: string;
    };

export type AuditChainVerdict =
  | { readonly ok: true; readonly chains: readonly AuditChainSummary[] }
  | { readonly ok: false; readonly tenantId: string | null; readonly broken: AuditChainBreak };

/** The first break of one chain's rows, walked in chain order; undefined when they hold together. */
function firstBreak(rows: readonly AuditChainRow[]): AuditChainBreak | undefined {
  let previous: AuditChainRow | undefined;
  for (const row of rows) {
    const computed = auditRowHash(row);
    if (computed !== row.hash) return { kind: 'hash-mismatch', id: row.id, stored: row.hash, computed };
    if (previous) {
      const expected = BigInt(previous.chainSeq) + 1n;
      if (BigInt(row.chainSeq) < expected) {
        return { kind: 'same-position', id: row.id, otherId: previous.id, chainSeq: row.chainSeq };
      }
      if (BigInt(row.chainSeq) > expected) {
        return {
          kind: 'rows-missing',
          id: row.id,
          previousId: previous.id,
          fromSeq: String(expected),
          toSeq: String(BigInt(row.chainSeq) - 1n),
        };
      }
      if (row.prevHash !== previous.hash) {
        return {
          kind: 'link-mismatch',
          id: row.id,
          previousId: previous.id,
          prevHash: row.prevHash,
          previousHash: previous.hash,
        };
      }
    }
    previous = row;
  }
  return undefined;
}

/**
 * Recomputes each office's chain from its rows, whatever their order in the file: taken in chain
 * order, each row must hash to its stored hash, hold the position after the row before it, and name
 * that row's hash as its previous one. The first failure is the verdict: a changed field (the position
 * included) breaks that row's hash; a deleted row leaves a gap; a row whose hash was recomputed after a
 * change breaks the link of the row after it.
 */
export function verifyAuditChains(rows: readonly AuditChainRow[]): AuditChainVerdict {
  const chains = new Map<string | null, AuditChainRow[]>();
  for (const row of rows) {
    const chain = chains.get(row.tenantId);
    if (chain) chain.push(row);
    else chains.set(row.tenantId, [row]);
  }
  const summaries: AuditChainSummary[] = [];
  for (const [tenantId, unordered] of chains) {
    const chain = [...unordered].sort((a, b) => {
      const order = BigInt(a.chainSeq) - BigInt(b.chainSeq);
      return order < 0n ? -1 : order > 0n ? 1 : 0;
    });
    const broken = firstBreak(chain);
    if (broken) return { ok: false, tenantId, broken };
    const [first, last] = [chain[0], chain[chain.length - 1]];
    summaries.push({
      tenantId,
      count: chain.length,
      firstId: first.id,
      continuesFrom: first.chainSeq === '1' ? null : first.prevHash,
      head: last.hash,
    });
  }
  // The platform's chain first, then the offices' by id: the same file always reads the same.
  const key = (summary: AuditChainSummary) => summary.tenantId ?? '';
  return { ok: true, chains: summaries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)) };
}

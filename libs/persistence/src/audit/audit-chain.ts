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
    actorType: cells[3],
    actorId: orNull(cells[4]),
    action: cells[5],
    subjectType: cells[6],
    subjectId: cells[7],
    before: orNull(cells[8]),
    after: orNull(cells[9]),
    requestId: orNull(cells[10]),
    prevHash: orNull(cells[11]),
    hash: cells[12],
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
 * The text a row's hash is taken over: a version line, then id, time, tenant, actor type, actor id,
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
  | {
      readonly kind: 'link-mismatch';
      readonly id: string;
      readonly previousId: string;
      readonly prevHash: string | null;
      readonly previousHash: string;
    }
  | { readonly kind: 'out-of-order'; readonly id: string; readonly previousId: string };

export type AuditChainVerdict =
  | { readonly ok: true; readonly chains: readonly AuditChainSummary[] }
  | { readonly ok: false; readonly tenantId: string | null; readonly broken: AuditChainBreak };

/**
 * Walks each office's chain through the rows in the order given (an export is in id order, and
 * within one chain id order is chain order): each row must hash to its stored hash, and name the
 * row before it in its chain as its previous one. The first failure is the verdict: a changed field
 * breaks that row's hash; a deleted, inserted or moved row breaks the link of the row after it.
 */
export function verifyAuditChains(rows: readonly AuditChainRow[]): AuditChainVerdict {
  const chains = new Map<string | null, { summary: AuditChainSummary; last: AuditChainRow }>();
  for (const row of rows) {
    const computed = auditRowHash(row);
    if (computed !== row.hash) {
      return {
        ok: false,
        tenantId: row.tenantId,
        broken: { kind: 'hash-mismatch', id: row.id, stored: row.hash, computed },
      };
    }
    const chain = chains.get(row.tenantId);
    if (!chain) {
      chains.set(row.tenantId, {
        summary: { tenantId: row.tenantId, count: 1, firstId: row.id, continuesFrom: row.prevHash, head: row.hash },
        last: row,
      });
      continue;
    }
    if (BigInt(row.id) <= BigInt(chain.last.id)) {
      return {
        ok: false,
        tenantId: row.tenantId,
        broken: { kind: 'out-of-order', id: row.id, previousId: chain.last.id },
      };
    }
    if (row.prevHash !== chain.last.hash) {
      return {
        ok: false,
        tenantId: row.tenantId,
        broken: {
          kind: 'link-mismatch',
          id: row.id,
          previousId: chain.last.id,
          prevHash: row.prevHash,
          previousHash: chain.last.hash,
        },
      };
    }
    chains.set(row.tenantId, {
      summary: { ...chain.summary, count: chain.summary.count + 1, head: row.hash },
      last: row,
    });
  }
  return { ok: true, chains: [...chains.values()].map((chain) => chain.summary) };
}

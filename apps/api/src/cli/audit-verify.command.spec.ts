import { AUDIT_EXPORT_COLUMNS, AuditChainRow, auditExportRow, auditRowHash } from '@app/persistence';
import { csvHeader, csvLines } from '../common/csv';
import { verifyAuditExport } from './audit-verify.command';

const OFFICE = '00000000-0000-4000-8000-000000000001';

/** An export as the API writes it, of rows chained as the database chains them. */
function exportOf(rows: readonly Omit<AuditChainRow, 'hash' | 'prevHash' | 'chainSeq'>[]): {
  text: string;
  rows: AuditChainRow[];
} {
  const heads = new Map<string | null, { seq: number; hash: string }>();
  const chained = rows.map((row) => {
    const head = heads.get(row.tenantId);
    const linked = { ...row, chainSeq: String((head?.seq ?? 0) + 1), prevHash: head?.hash ?? null };
    const hash = auditRowHash(linked);
    heads.set(row.tenantId, { seq: Number(linked.chainSeq), hash });
    return { ...linked, hash };
  });
  return { text: csvHeader(AUDIT_EXPORT_COLUMNS) + csvLines(chained.map(auditExportRow)), rows: chained };
}

const base = {
  occurredAt: '2026-03-31T01:00:00.000001Z',
  actorType: 'office',
  actorId: 'b1c2d3e4-0000-4000-8000-000000000009',
  subjectType: 'competition',
  subjectId: 'c-1',
  requestId: null,
};

// Values a spreadsheet would take for formulas, quotes, commas and line breaks survive the round trip.
const { text: EXPORT, rows: ROWS } = exportOf([
  { ...base, id: '1', tenantId: OFFICE, action: 'competition.create', before: null, after: '{"title": "=SUM(A1)"}' },
  { ...base, id: '2', tenantId: null, action: 'user.create', before: null, after: null, actorId: '' },
  { ...base, id: '3', tenantId: OFFICE, action: 'competition.update', before: '-5', after: '{"t": "a,\\"b\\"\\n"}' },
  { ...base, id: '4', tenantId: OFFICE, action: 'competition.transition', before: "'x'", after: '{"state": "open"}' },
]);
const LINES = EXPORT.split('\r\n');

describe('npm run audit -- verify', () => {
  it('prints OK with the number of rows and each chain’s head for an untouched export', () => {
    const outcome = verifyAuditExport(EXPORT);
    expect(outcome.exitCode).toBe(0);
    expect(outcome.text).toMatch(/^OK .*4 rows in 2 chains/);
    expect(outcome.text).toContain(`office ${OFFICE}: 3 条 / rows`);
    expect(outcome.text).toContain(`head ${ROWS[3].hash}`);
  });

  it('names the row whose field was edited in the file', () => {
    const edited = EXPORT.replace('competition.update', 'competition.rules.update');
    const outcome = verifyAuditExport(edited);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.text).toContain('row 3: its content does not match its hash');
  });

  it('names the row after a deleted line', () => {
    const outcome = verifyAuditExport(LINES.filter((_, i) => i !== 3).join('\r\n'));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.text).toContain('row 4 follows row 1 in the chain, but positions 2 to 2 are missing');
  });

  it('accepts reordered lines, the chain having its own order, and names a row moved in the chain', () => {
    const reordered = [LINES[0], LINES[4], LINES[3], LINES[2], LINES[1], ...LINES.slice(5)].join('\r\n');
    expect(verifyAuditExport(reordered).exitCode).toBe(0);
    const cells = LINES[4].split(',');
    cells[3] = '2';
    const moved = [...LINES.slice(0, 4), cells.join(','), ...LINES.slice(5)].join('\r\n');
    expect(verifyAuditExport(moved)).toMatchObject({ exitCode: 1 });
    expect(verifyAuditExport(moved).text).toContain('row 4: its content does not match its hash');
  });

  it('refuses a line whose position is not a number', () => {
    const cells = LINES[1].split(',');
    cells[3] = 'x';
    expect(verifyAuditExport([LINES[0], cells.join(','), ...LINES.slice(2)].join('\r\n')).exitCode).toBe(2);
  });

  it('refuses a file that is not an audit export', () => {
    expect(verifyAuditExport('\uFEFFid,title\r\n1,x\r\n').exitCode).toBe(2);
  });
});

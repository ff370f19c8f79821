import { AUDIT_EXPORT_COLUMNS, AuditChainRow, auditExportRow, auditRowHash } from '@app/persistence';
import { csvHeader, csvLines } from '../common/csv';
import { verifyAuditExport } from './audit-verify.command';

const OFFICE = '00000000-0000-4000-8000-000000000001';

/** An export as the API writes it, of rows chained as the database chains them. */
function exportOf(rows: readonly Omit<AuditChainRow, 'hash' | 'prevHash'>[]): { text: string; rows: AuditChainRow[] } {
  const heads = new Map<string | null, string>();
  const chained = rows.map((row) => {
    const prevHash = heads.get(row.tenantId) ?? null;
    const hash = auditRowHash({ ...row, prevHash });
    heads.set(row.tenantId, hash);
    return { ...row, prevHash, hash };
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
    expect(outcome.text).toContain('row 4: its previous hash');
    expect(outcome.text).toContain('of row 1 before it');
  });

  it('names reordered lines', () => {
    const reordered = [LINES[0], LINES[1], LINES[2], LINES[4], LINES[3], ...LINES.slice(5)].join('\r\n');
    const outcome = verifyAuditExport(reordered);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.text).toContain('row 4: its previous hash');
  });

  it('refuses a file that is not an audit export', () => {
    expect(verifyAuditExport('\uFEFFid,title\r\n1,x\r\n').exitCode).toBe(2);
  });
});

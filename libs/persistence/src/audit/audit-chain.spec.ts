import { AuditChainRow, auditRowHash, verifyAuditChains } from './audit-chain';

const OFFICE = '00000000-0000-4000-8000-000000000001';
const OTHER = '2b6f3c1e-8d4a-4e5b-9c7d-0a1b2c3d4e5f';

/** Links rows into their chains as the database's trigger does. */
function chained(rows: readonly Omit<AuditChainRow, 'hash' | 'prevHash' | 'chainSeq'>[]): AuditChainRow[] {
  const heads = new Map<string | null, { seq: number; hash: string }>();
  return rows.map((row) => {
    const head = heads.get(row.tenantId);
    const linked = { ...row, chainSeq: String((head?.seq ?? 0) + 1), prevHash: head?.hash ?? null };
    const hash = auditRowHash(linked);
    heads.set(row.tenantId, { seq: Number(linked.chainSeq), hash });
    return { ...linked, hash };
  });
}

function event(
  id: number,
  tenantId: string | null,
  after: string | null = null,
): Omit<AuditChainRow, 'hash' | 'prevHash' | 'chainSeq'> {
  return {
    id: String(id),
    occurredAt: `2026-03-31T09:00:0${id % 10}.123456Z`,
    tenantId,
    actorType: 'office',
    actorId: 'b1c2d3e4-0000-4000-8000-000000000009',
    action: 'competition.transition',
    subjectType: 'competition',
    subjectId: 'c-1',
    before: '{"state": "draft"}',
    after,
    requestId: null,
  };
}

const LOG = chained([
  event(1, OFFICE, '{"state": "open"}'),
  event(2, null),
  event(3, OFFICE, '{"note": "第一行\\n第二行", "state": "closed"}'),
  event(4, OTHER),
  event(5, OFFICE, '{"state": "screening"}'),
]);

describe('verifying an audit export', () => {
  it('accepts an untouched export and reports each chain with its count and head', () => {
    expect(verifyAuditChains(LOG)).toEqual({
      ok: true,
      chains: [
        { tenantId: null, count: 1, firstId: '2', continuesFrom: null, head: LOG[1].hash },
        { tenantId: OFFICE, count: 3, firstId: '1', continuesFrom: null, head: LOG[4].hash },
        { tenantId: OTHER, count: 1, firstId: '4', continuesFrom: null, head: LOG[3].hash },
      ],
    });
  });

  it('names the row whose field was changed', () => {
    const tampered = LOG.map((row) => (row.id === '3' ? { ...row, after: '{"state": "ranked"}' } : row));
    expect(verifyAuditChains(tampered)).toMatchObject({
      ok: false,
      tenantId: OFFICE,
      broken: { kind: 'hash-mismatch', id: '3', stored: LOG[2].hash },
    });
  });

  it('names the row after a deleted one and the positions missing', () => {
    const tampered = LOG.filter((row) => row.id !== '3');
    expect(verifyAuditChains(tampered)).toEqual({
      ok: false,
      tenantId: OFFICE,
      broken: { kind: 'rows-missing', id: '5', previousId: '1', fromSeq: '2', toSeq: '2' },
    });
  });

  it('reads each chain in its own order whatever the order of the lines, and names a row moved in the chain', () => {
    expect(verifyAuditChains([...LOG].reverse())).toEqual(verifyAuditChains(LOG));
    const swapped = LOG.map((row) =>
      row.id === '3'
        ? { ...row, chainSeq: LOG[4].chainSeq }
        : row.id === '5'
          ? { ...row, chainSeq: LOG[2].chainSeq }
          : row,
    );
    expect(verifyAuditChains(swapped)).toMatchObject({
      ok: false,
      tenantId: OFFICE,
      broken: { kind: 'hash-mismatch', id: '5' },
    });
  });

  it('names a row given twice', () => {
    expect(verifyAuditChains([...LOG, LOG[2]])).toMatchObject({
      ok: false,
      broken: { kind: 'same-position', id: '3', otherId: '3', chainSeq: '2' },
    });
  });

  it('catches a row whose hash was recomputed after a change by the broken link of the next row', () => {
    const changed = { ...LOG[2], actorId: 'someone-else' };
    const rehashed = { ...changed, hash: auditRowHash(changed) };
    const tampered = LOG.map((row) => (row.id === '3' ? rehashed : row));
    expect(verifyAuditChains(tampered)).toMatchObject({
      ok: false,
      broken: { kind: 'link-mismatch', id: '5', previousId: '3' },
    });
  });

  it('says where a partial export starts rather than treating it as the chain’s beginning', () => {
    const verdict = verifyAuditChains(LOG.filter((row) => row.id !== '1'));
    expect(verdict).toMatchObject({
      ok: true,
      chains: expect.arrayContaining([
        expect.objectContaining({ tenantId: OFFICE, firstId: '3', continuesFrom: LOG[0].hash }),
      ]),
    });
  });
});

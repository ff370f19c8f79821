import request from 'supertest';
import { AuditEvent, ProjectGrant, PurchaseAgreement, Tenant } from '@app/persistence';
import { beijingDate } from '@app/grants';
import { PAYEE, binary, pdfWords } from './grants.factory';
import { HOUJIATANG_GRANTOR, pickedDirectOrder, socialOrganization, streetOffice } from './needs.factory';
import { bearer, officeToken } from './roadshow.factory';
import { serveApp } from './test-app';
import type { ErrorResponseDto as Refusal } from '../src/common/error-response.dto';

interface Tranche {
  id: string;
  sequence: number;
  amountFen: number;
  state: string;
}

let phones = 0;
/** A fresh pair of mobile numbers per order, so no test's SMS window or support touches another's. */
const nextPhones = (): [string, string] => {
  const stem = `138${String(Date.now() % 10_000).padStart(4, '0')}`;
  phones += 2;
  return [`${stem}${String(phones - 1).padStart(4, '0')}`, `${stem}${String(phones).padStart(4, '0')}`];
};

describe('买单 of a direct purchase: the office buys the picked offer and it is paid from the grants ledger', () => {
  const served = serveApp();
  const api = () => request(served.app.getHttpServer());

  it('the office buys it: a service purchase agreement in Chinese and a grant paid, reported and exported like a competition’s', async () => {
    const office = await streetOffice(served.app);
    const [approver, payer] = office.clerks;
    const { orderId, taker, community } = await pickedDirectOrder(served.app, office.tenantId, nextPhones());

    const bought = await api().post(`/service-orders/${orderId}/purchase`).set('authorization', approver).expect(201);
    const year = beijingDate(new Date()).slice(0, 4);
    expect(bought.body).toMatchObject({
      agreementNumber: `GMXY-${year}-0001`,
      competitionId: null,
      submissionId: null,
      orderId,
      projectTitle: '我是社区大管家',
      granteeName: taker.organization.name,
      amountFen: 500_000,
      paidFen: 0,
      state: 'active',
      partyA: { name: HOUJIATANG_GRANTOR.name },
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
    });
    const tranches = bought.body.tranches as Tranche[];
    expect(tranches.map((t) => [t.amountFen, t.state])).toEqual([
      [350_000, 'eligible'],
      [150_000, 'planned'],
    ]);
    expect((bought.body.reportSchedule as { kind: string }[]).map((r) => r.kind)).toEqual(['final']);
    const grantId = bought.body.id as string;

    const again = await api().post(`/service-orders/${orderId}/purchase`).set('authorization', payer).expect(409);
    expect(again.body).toMatchObject({ reason: 'SERVICE_ORDER_ALREADY_FUNDED' });
    expect((again.body as Refusal).message_zh).toContain(`GMXY-${year}-0001`);

    // The community's and the office's order show the grant whichever way it was bought.
    for (const auth of [community.auth, approver]) {
      const order = await api().get(`/service-orders/${orderId}`).set('authorization', auth).expect(200);
      expect(order.body.grants).toEqual([
        {
          grantId,
          agreementNumber: `GMXY-${year}-0001`,
          organizationId: taker.organization.id,
          amountFen: 500_000,
          state: 'active',
        },
      ]);
    }

    const pdf = await api()
      .get(`/service-orders/${orderId}/agreement.pdf`)
      .set('authorization', taker.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const words = pdfWords(pdf.body as Buffer);
    expect(words).toContain('服务购买协议');
    expect(words).toContain(`协议编号：GMXY-${year}-0001`);
    expect(words).toContain(`甲方（购买方）：${HOUJIATANG_GRANTOR.name}`);
    expect(words).toContain(`乙方（服务承接方）：${taker.organization.name}`);
    expect(words).toContain('项目名称：我是社区大管家');
    expect(words).toContain('（一）每月楼道巡查4次');
    expect(words).toContain('（二）每季度居民议事会1次');
    expect(words).toContain('人民币伍仟元整');
    expect(words).toMatch(/签约后拨付70%3,500\.00/);
    expect(words).toMatch(/结项报告通过后拨付30%1,500\.00/);
    const stranger = await socialOrganization(served.app, '长沙市天心区邻里互助服务社');
    await api().get(`/service-orders/${orderId}/agreement.pdf`).set('authorization', stranger.auth).expect(404);

    await api().put(`/grants/${grantId}/payee`).set('authorization', taker.auth).send(PAYEE).expect(200);
    await api().post(`/tranches/${tranches[0].id}/approve`).set('authorization', approver).expect(200);
    await api()
      .post(`/tranches/${tranches[0].id}/pay`)
      .set('authorization', payer)
      .send({ voucherNumber: `大管家-${orderId.slice(0, 6)}`, paidOn: beijingDate(new Date()) })
      .expect(200);
    const paid = await api().get(`/grants/${grantId}`).set('authorization', taker.auth).expect(200);
    expect(paid.body).toMatchObject({ paidFen: 350_000, nextTranche: { sequence: 2, state: 'planned' } });

    const notice = await api()
      .get(`/tranches/${tranches[0].id}/notice.pdf`)
      .set('authorization', taker.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdfWords(notice.body as Buffer)).toContain('本期拨付（大写）：人民币叁仟伍佰元整');

    const csv = await api()
      .get('/direct-purchases/payments.csv')
      .set('authorization', payer)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const rows = (csv.body as Buffer).toString('utf8').trim().split('\r\n');
    expect(rows).toHaveLength(1 + 2);
    expect(rows[1]).toContain(`GMXY-${year}-0001,我是社区大管家,${taker.organization.name},`);
    expect(rows[1]).toContain(',3500.00,人民币叁仟伍佰元整,已拨付 / Paid,');
    expect(rows[2]).toContain(',1500.00,人民币壹仟伍佰元整,待满足条件 / Planned,');

    const listed = await api().get('/grants').set('authorization', approver).expect(200);
    expect((listed.body.items as { id: string }[]).map((g) => g.id)).toEqual([grantId]);
    const purchases = await api().get('/grants?source=direct-purchase').set('authorization', approver).expect(200);
    expect((purchases.body.items as { id: string }[]).map((g) => g.id)).toEqual([grantId]);
    const awarded = await api().get('/grants?source=competition').set('authorization', approver).expect(200);
    expect(awarded.body).toMatchObject({ items: [], total: 0 });
    const unknown = await api().get('/grants?source=gift').set('authorization', approver).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('资助来源');
    const checks = await api().get(`/grants/${grantId}/monthly-checks`).set('authorization', approver).expect(200);
    expect((checks.body.checklist as unknown[]).length).toBeGreaterThan(0);

    const audit = await served.db.getRepository(AuditEvent).findBy({ subjectId: orderId });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['service-order.buy']));
    expect(audit.find((e) => e.action === 'service-order.buy')?.after).toMatchObject({
      grantId,
      amountFen: 500_000,
      organizationId: taker.organization.id,
    });
    const row = await served.db.getRepository(ProjectGrant).findOneByOrFail({ id: grantId });
    expect(row.tenantId).toBe(office.tenantId);
  });

  it('refuses to buy an order with no offer picked, an order of another office, and the office’s own order from anyone else', async () => {
    const office = await streetOffice(served.app);
    const { orderId, taker } = await pickedDirectOrder(served.app, office.tenantId, nextPhones());

    const other = await officeToken(served.app);
    const elsewhere = await api().post(`/service-orders/${orderId}/purchase`).set(bearer(other.token)).expect(404);
    expect(elsewhere.body).toMatchObject({ reason: 'SERVICE_ORDER_NOT_FOUND' });
    await api().post(`/service-orders/${orderId}/purchase`).set('authorization', taker.auth).expect(403);
    await api().get(`/service-orders/${orderId}/agreement.pdf`).set('authorization', office.clerks[0]).expect(404);

    const unpicked = await pickedDirectOrder(served.app, office.tenantId, nextPhones(), false);
    const notPicked = await api()
      .post(`/service-orders/${unpicked.orderId}/purchase`)
      .set('authorization', office.clerks[0])
      .expect(409);
    expect(notPicked.body).toMatchObject({ reason: 'SERVICE_ORDER_WRONG_STATE' });
    expect((notPicked.body as Refusal).message_zh).toContain('已承接');
    expect(await served.db.getRepository(ProjectGrant).countBy({ tenantId: office.tenantId })).toBe(0);
  });

  it('refuses a picked offer above the office’s current limit and an office without a grantor, writing nothing', async () => {
    const office = await streetOffice(served.app);
    const { orderId } = await pickedDirectOrder(served.app, office.tenantId, nextPhones());
    await served.db.getRepository(Tenant).update(office.tenantId, {
      settings: { grantor: HOUJIATANG_GRANTOR, needs: { smallPurchaseLimitFen: 400_000 } },
    });
    const above = await api().post(`/service-orders/${orderId}/purchase`).set('authorization', office.clerks[0]);
    expect(above.status).toBe(409);
    expect(above.body).toMatchObject({ reason: 'SERVICE_ORDER_ABOVE_SMALL_PURCHASE_LIMIT' });
    expect((above.body as Refusal).message_zh).toContain('¥4,000.00');

    await served.db.getRepository(Tenant).update(office.tenantId, { settings: {} });
    const noGrantor = await api()
      .post(`/service-orders/${orderId}/purchase`)
      .set('authorization', office.clerks[0])
      .expect(400);
    expect(noGrantor.body).toMatchObject({ reason: 'GRANTOR_NOT_SET' });

    expect(await served.db.getRepository(ProjectGrant).countBy({ orderId })).toBe(0);
    expect(await served.db.getRepository(PurchaseAgreement).countBy({ orderId })).toBe(0);
    const order = await api().get(`/service-orders/${orderId}`).set('authorization', office.clerks[0]).expect(200);
    expect(order.body).toMatchObject({ state: 'taken', grants: [] });
  });
});

// 点单需求: the office reads where residents' needs stand in its communities (collected → listed →
// ordered → taken → delivered: how many reached each stage, how many are in it now, and the days
// spent in it), what each community still has to review of its wall's flags, the service orders
// communities published into this competition's categories with the submissions that take them, and
// the office's direct purchases: 政府买单 of a picked offer makes its grant in the same grants ledger.
import { formatYuan, h } from '../shared/dom.js';
import { messageBox, sendThen } from '../shared/forms.js';
import { grantBadge } from '../shared/grant-ledger.js';
import { labelOf, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';
import { NEED_STATE_LABELS, SERVICE_ORDER_STATE_LABELS } from '/vocabulary.js';
import { ledgerCard } from './grants-tab.js';
import { card } from '../shared/card.js';

const FUNNEL = ['open', 'listed', 'ordered', 'taken', 'delivered'];

/** The order's grants in the ledger, whichever way it was bought: agreement number, amount, state. */
function orderGrants(order) {
  if (order.grants.length === 0) return '—';
  return h(
    'span',
    {},
    order.grants.map((grant) =>
      h(
        'span',
        { class: 'order-grant', 'data-testid': 'order-grant' },
        h('a', { href: `#/grants/${grant.grantId}`, class: 'mono' }, grant.agreementNumber),
        ' ',
        formatYuan(grant.amountFen),
        ' ',
        grantBadge(grant.state),
      ),
    ),
  );
}

/** 政府买单: the office buys the picked offer; the page reloads with the grant in the ledger. */
function buyButton(ctx, order, root, box, refresh) {
  return tx(
    'button',
    { zh: '政府买单', en: 'Buy it' },
    {
      type: 'button',
      class: 'primary',
      'data-testid': 'buy-order',
      onclick: () =>
        void sendThen(root, box, () => ctx.api(`/service-orders/${order.id}/purchase`, { method: 'POST' }), refresh),
    },
  );
}

async function directPurchases(ctx, orders, refresh) {
  const direct = orders.filter((order) => order.route === 'direct' && order.state !== 'draft');
  const { items: grants } = await ctx.api('/grants?source=direct-purchase&pageSize=100');
  const box = messageBox();
  // Made before its content: the buy buttons show their refusals in it.
  const section = card({
    title: { zh: '本街道的小额直接购买', en: 'The office’s direct purchases' },
    hint: {
      zh: '社区选定承接方后，由街道买单：生成服务购买协议，资助项目进入资助台账，签约后拨付 70%，结项报告通过后拨付 30%。',
      en: 'Once the community picks a taker, the office buys it: a service purchase agreement, and a grant in the ledger paying 70% on signing and 30% once the final report is accepted.',
    },
    'data-testid': 'needs-direct',
  });
  section.append(
    dataTable(
      [
        { zh: '社区', en: 'Community' },
        { zh: '订单', en: 'Order' },
        { zh: '状态', en: 'State' },
        { zh: '选定的承接方', en: 'Picked taker' },
        { zh: '资助（协议编号·金额·状态）', en: 'Grant (agreement, amount, state)' },
      ],
      direct.map((order) => {
        const picked = order.offers.find((offer) => offer.state === 'picked');
        return h(
          'tr',
          { 'data-testid': 'direct-order' },
          h('td', {}, order.community),
          h('td', {}, order.title),
          h('td', {}, tx('span', labelOf(SERVICE_ORDER_STATE_LABELS, order.state))),
          h('td', {}, picked ? `${picked.organizationName} ${formatYuan(picked.amountFen)}` : '—'),
          h(
            'td',
            {},
            picked && order.grants.length === 0 ? buyButton(ctx, order, section, box, refresh) : orderGrants(order),
          ),
        );
      }),
      { empty: { zh: '还没有小额直接购买的订单。', en: 'No direct purchase yet.' } },
    ),
    box,
  );
  return h(
    'div',
    {},
    section,
    ledgerCard(ctx, grants, {
      csvPath: '/direct-purchases/payments.csv',
      heading: { zh: '小额直接购买的资助台账', en: 'The grants ledger of direct purchases' },
      empty: { zh: '街道买单后出现在这里。', en: 'Grants appear here once the office buys an order.' },
    }),
  );
}

export async function needsTab(ctx, competition, refresh) {
  const [funnel, orders, reviews] = await Promise.all([
    ctx.api('/needs-funnel'),
    ctx.api('/service-orders'),
    ctx.api('/needs-review'),
  ]);
  const flagged = reviews.filter((review) => review.pendingSupports > 0 || review.needs.length > 0);
  const ours = orders.filter((order) => order.competitionId === competition.id);
  return h(
    'div',
    {},
    card(
      {
        title: { zh: '需求漏斗（本街道各社区）', en: 'The needs funnel (the office’s communities)' },
        hint: {
          zh: '每格为到达该阶段的需求数 / 目前处于该阶段的需求数，括号内为在该阶段平均停留的天数。',
          en: 'Each cell: needs that reached the stage / needs in it now; in brackets, the mean days spent in it.',
        },
        'data-testid': 'needs-funnel',
      },
      dataTable(
        [
          { zh: '社区', en: 'Community' },
          ...FUNNEL.map((state) => ({ ...labelOf(NEED_STATE_LABELS, state), num: true })),
        ],
        funnel.communities.map((row) =>
          h(
            'tr',
            {},
            h('td', {}, row.community),
            row.stages.map((stage) =>
              h(
                'td',
                { class: 'num' },
                `${stage.count} / ${stage.current}${stage.averageDays === null ? '' : `（${stage.averageDays}）`}`,
              ),
            ),
          ),
        ),
        { empty: { zh: '还没有居民需求。', en: 'No residents’ needs yet.' } },
      ),
    ),
    card(
      {
        title: { zh: '各社区待审核的刷单与重复', en: 'Bursts and repeats awaiting each community’s review' },
        'data-testid': 'needs-review',
      },
      dataTable(
        [
          { zh: '社区', en: 'Community' },
          { zh: '被标记的附议', en: 'Flagged supports', num: true },
          { zh: '被标记的需求', en: 'Flagged needs', num: true },
        ],
        flagged.map((review) =>
          h(
            'tr',
            {},
            h('td', {}, review.community),
            h('td', { class: 'num' }, String(review.pendingSupports)),
            h('td', { class: 'num' }, String(review.needs.length)),
          ),
        ),
        { empty: { zh: '各社区都没有待审核的标记。', en: 'No community has flags to review.' } },
      ),
    ),
    card(
      {
        title: { zh: '纳入本大赛的服务订单', en: 'Service orders published into this competition' },
        'data-testid': 'needs-orders',
      },
      dataTable(
        [
          { zh: '社区', en: 'Community' },
          { zh: '订单', en: 'Order' },
          { zh: '类别', en: 'Category' },
          { zh: '预算上限', en: 'Cap', num: true },
          { zh: '承接的申报项目', en: 'Taken by' },
          { zh: '资助（协议编号·金额·状态）', en: 'Grant (agreement, amount, state)' },
        ],
        ours.map((order) =>
          h(
            'tr',
            {},
            h('td', {}, order.community),
            h('td', {}, order.title),
            h('td', {}, order.competitionCategory),
            h('td', { class: 'num' }, formatYuan(order.budgetCapFen)),
            h('td', {}, order.submissions.map((s) => `${s.organizationName}「${s.title}」`).join('；')),
            h('td', {}, orderGrants(order)),
          ),
        ),
        { empty: { zh: '还没有社区把订单纳入本大赛。', en: 'No community has published an order into it yet.' } },
      ),
    ),
    await directPurchases(ctx, orders, refresh),
  );
}

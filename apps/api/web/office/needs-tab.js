// 点单需求: the office reads where residents' needs stand in its communities (collected → listed →
// ordered → taken → delivered: how many reached each stage, how many are in it now, and the days
// spent in it), what each community still has to review of its wall's flags, and the service
// orders communities published into this competition's categories, with the submissions that take them.
import { formatYuan, h } from '../shared/dom.js';
import { labelOf, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';
import { NEED_STATE_LABELS } from '/vocabulary.js';

const FUNNEL = ['open', 'listed', 'ordered', 'taken', 'delivered'];

export async function needsTab(ctx, competition) {
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
    h(
      'section',
      { class: 'card', 'data-testid': 'needs-funnel' },
      tx('h2', { zh: '需求漏斗（本街道各社区）', en: 'The needs funnel (the office’s communities)' }),
      tx(
        'p',
        {
          zh: '每格为到达该阶段的需求数 / 目前处于该阶段的需求数，括号内为在该阶段平均停留的天数。',
          en: 'Each cell: needs that reached the stage / needs in it now; in brackets, the mean days spent in it.',
        },
        { class: 'hint' },
      ),
      funnel.communities.length === 0
        ? tx('p', { zh: '还没有居民需求。', en: 'No residents’ needs yet.' })
        : dataTable(
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
          ),
    ),
    h(
      'section',
      { class: 'card', 'data-testid': 'needs-review' },
      tx('h2', { zh: '各社区待审核的刷单与重复', en: 'Bursts and repeats awaiting each community’s review' }),
      flagged.length === 0
        ? tx('p', { zh: '各社区都没有待审核的标记。', en: 'No community has flags to review.' })
        : dataTable(
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
          ),
    ),
    h(
      'section',
      { class: 'card', 'data-testid': 'needs-orders' },
      tx('h2', { zh: '纳入本大赛的服务订单', en: 'Service orders published into this competition' }),
      ours.length === 0
        ? tx('p', { zh: '还没有社区把订单纳入本大赛。', en: 'No community has published an order into it yet.' })
        : dataTable(
            [
              { zh: '社区', en: 'Community' },
              { zh: '订单', en: 'Order' },
              { zh: '类别', en: 'Category' },
              { zh: '预算上限', en: 'Cap', num: true },
              { zh: '承接的申报项目', en: 'Taken by' },
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
              ),
            ),
          ),
    ),
  );
}

// 点单: a community opens its needs wall under its street office, lets residents' needs through or
// refuses them with a reason, compiles needs lists and drafts service orders (into a category of an
// open competition, or as a direct purchase), publishes them and picks among the offers; it reviews
// what the wall flagged (bursts of supports, repeated needs), voiding or clearing with a reason; any
// organization takes a published order, by an offer or with one of its submissions, and the taker
// reports its delivery, deliverable by deliverable.
import { formatYuan, h } from '../shared/dom.js';
import { privateImage } from '../shared/download.js';
import { field, input, messageBox, select, sendThen, showApiError, showMessage } from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { parseYuan } from '../shared/money.js';
import { GRANT_STATE_LABELS, NEED_CATEGORY_LABELS, NEED_FLAG_LABELS, SERVICE_ORDER_STATE_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

export async function needsView(ctx) {
  const [organization, orders] = await Promise.all([ctx.api('/organizations/me'), ctx.api('/service-orders')]);
  const refresh = () => ctx.go('#/needs');
  const community = organization.kind === 'community';
  const sections = [tx('h1', { zh: '点单：需求与服务订单', en: 'Needs and service orders' })];
  if (community) sections.push(...(await communitySections(ctx, organization, orders, refresh)));
  sections.push(await takingSection(ctx, organization, orders, refresh));
  return h('div', {}, sections);
}

/** POSTs `body` to `path` and reloads the view; a refusal shows beside the field it names, or in `box`. */
function post(ctx, form, { path, body, box, refresh }) {
  return sendThen(form, box, () => ctx.api(path, { method: 'POST', body }), refresh);
}

/**
 * A button inside a form that posts what `body()` reads from the form when it is pressed; the
 * form it belongs to is where a refusal marks its field.
 */
function postButton(ctx, label, { path, body = () => undefined, box, refresh }) {
  return tx('button', label, {
    type: 'button',
    onclick: (event) => void post(ctx, event.currentTarget.form, { path, body: body(), box, refresh }),
  });
}

async function communitySections(ctx, organization, orders, refresh) {
  const walls = await ctx.api('/needs-walls');
  if (!walls.some((w) => w.communityId === organization.id))
    return [openWallCard(ctx, await ctx.api('/community/street-offices'))];
  const [needs, lists, competitions, review] = await Promise.all([
    ctx.api('/community/needs'),
    ctx.api('/community/needs-lists'),
    ctx.api('/competitions?pageSize=100'),
    ctx.api('/community/needs-review'),
  ]);
  const open = competitions.items.filter((c) => c.state === 'open');
  return [
    card(
      { title: { zh: '需求墙', en: 'Needs wall' } },
      tx('p', { zh: '居民扫码或打开这个地址提需求', en: 'Residents post their needs at this address' }),
      h('p', {}, h('a', { href: `/needs/#c=${organization.id}` }, `${location.origin}/needs/#c=${organization.id}`)),
    ),
    reviewCard(ctx, review, needs, refresh),
    moderationCard(
      ctx,
      needs.filter((n) => n.state === 'pending'),
      refresh,
    ),
    listsCard(
      ctx,
      needs.filter((n) => n.state === 'open'),
      refresh,
    ),
    draftCard(ctx, lists, open, refresh),
    myOrdersCard(
      ctx,
      orders.filter((o) => o.communityId === organization.id),
      refresh,
    ),
  ];
}

function openWallCard(ctx, offices) {
  const office = select(
    offices.map((o) => [o.id, { zh: o.name, en: o.nameEn || o.name }]),
    { name: 'tenantId' },
  );
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', 'data-testid': 'open-wall' },
    tx('h2', { zh: '开通需求墙', en: 'Open the needs wall' }),
    field({ zh: '所属街道', en: 'Street office' }, office, { path: 'tenantId' }),
    tx('button', { zh: '开通', en: 'Open' }, { type: 'submit', class: 'primary' }),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const opened = await ctx.api('/community/needs-wall', { method: 'POST', body: { tenantId: office.value } });
      showMessage(
        box,
        {
          zh: `已开通。请把社区码 ${opened.code} 张贴在需求墙上（只显示这一次）`,
          en: `Opened. Post the code ${opened.code} on the wall (shown once)`,
        },
        'ok',
      );
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

function moderationCard(ctx, pending, refresh) {
  return card(
    {
      title: { zh: `待审核（${pending.length}）`, en: `Awaiting moderation (${pending.length})` },
      'data-testid': 'pending-needs',
    },
    pending.map((need) => {
      const reason = input({ name: 'reason', maxlength: 500 });
      const box = messageBox();
      const path = `/community/needs/${need.id}/moderation`;
      return h(
        'form',
        { class: 'list-item' },
        h(
          'div',
          { class: 'title' },
          need.title,
          need.flags.length > 0
            ? tx('span', { zh: ' · 疑似重复或刷单', en: ' · flagged' }, { class: 'badge warn' })
            : null,
        ),
        need.photoUrl
          ? privateImage(need.photoUrl, {
              token: ctx.token(),
              alt: `${need.title}（居民附的照片 / the resident’s photo）`,
              className: 'need-photo',
            })
          : null,
        field({ zh: `不通过的原因：${need.title}`, en: `Reason to refuse: ${need.title}` }, reason, { path: 'reason' }),
        postButton(
          ctx,
          { zh: `通过：${need.title}`, en: `Publish: ${need.title}` },
          {
            path,
            body: () => ({ decision: 'publish' }),
            box,
            refresh,
          },
        ),
        postButton(
          ctx,
          { zh: `不通过：${need.title}`, en: `Refuse: ${need.title}` },
          {
            path,
            body: () => ({ decision: 'refuse', reason: reason.value }),
            box,
            refresh,
          },
        ),
        box,
      );
    }),
  );
}

const flagText = (flags) => flags.map((flag) => labelOf(NEED_FLAG_LABELS, flag).zh).join('、');
const flagTextEn = (flags) => flags.map((flag) => labelOf(NEED_FLAG_LABELS, flag).en).join(', ');

/**
 * What the wall flagged, for the community to decide with a reason: bursts of supports by group
 * (voided ones stop counting on the wall), and needs flagged as repeats of an earlier one.
 */
function reviewCard(ctx, review, needs, refresh) {
  const titleOf = (id) => needs.find((n) => n.id === id)?.title ?? '';
  const decider = (path, ids, reason, box) => (label, decision) =>
    postButton(ctx, label, { path, body: () => ({ decision, reason: reason.value, ...ids }), box, refresh });
  const empty = review.supportGroups.length === 0 && review.needs.length === 0;
  return card(
    {
      title: {
        zh: `刷单与重复审核（附议 ${review.pendingSupports} 条，需求 ${review.needs.length} 条）`,
        en: `Review of bursts and repeats (${review.pendingSupports} supports, ${review.needs.length} needs)`,
      },
      'data-testid': 'needs-review',
    },
    empty
      ? tx('p', { zh: '没有待审核的标记。', en: 'Nothing flagged to review.' }, { class: 'muted' })
      : tx(
          'p',
          {
            zh: '被标记的附议在审核前照常计入；作废后不再计入需求墙。请写明理由。',
            en: 'Flagged supports count until reviewed; voided ones leave the wall. Give a reason.',
          },
          { class: 'hint' },
        ),
    review.supportGroups.map((group, index) => {
      const reason = input({ name: 'reason', maxlength: 200 });
      const box = messageBox();
      const decide = decider(
        '/community/needs-review/supports',
        { supportIds: group.supports.map((s) => s.id) },
        reason,
        box,
      );
      const titles = [...new Set(group.supports.map((s) => s.needTitle))].join('；');
      return h(
        'form',
        { class: 'list-item', 'data-testid': 'support-group' },
        h(
          'div',
          { class: 'title' },
          tx('span', {
            zh: `${flagText(group.flags)}：${group.count} 条附议（${titles}）`,
            en: `${flagTextEn(group.flags)}: ${group.count} support(s) (${titles})`,
          }),
        ),
        field({ zh: `审核理由：第 ${index + 1} 组附议`, en: `Reason: support group ${index + 1}` }, reason, {
          path: 'reason',
        }),
        decide({ zh: `作废第 ${index + 1} 组附议`, en: `Void support group ${index + 1}` }, 'void'),
        decide({ zh: `核实无误：第 ${index + 1} 组附议`, en: `Clear support group ${index + 1}` }, 'clear'),
        box,
      );
    }),
    review.needs.map((need) => {
      const reason = input({ name: 'reason', maxlength: 200 });
      const box = messageBox();
      const decide = decider('/community/needs-review/needs', { needIds: [need.id] }, reason, box);
      const earlier = need.duplicateOf ? titleOf(need.duplicateOf) : '';
      return h(
        'form',
        { class: 'list-item', 'data-testid': 'flagged-need' },
        h(
          'div',
          { class: 'title' },
          need.title,
          tx(
            'span',
            {
              zh: ` · ${flagText(need.flags)}${earlier ? `（与「${earlier}」相同）` : ''}`,
              en: ` · ${flagTextEn(need.flags)}${earlier ? ` (same as "${earlier}")` : ''}`,
            },
            { class: 'badge warn' },
          ),
        ),
        field({ zh: `审核理由：${need.title}`, en: `Reason: ${need.title}` }, reason, { path: 'reason' }),
        decide({ zh: `作废需求：${need.title}`, en: `Void the need: ${need.title}` }, 'void'),
        decide({ zh: `核实无误：${need.title}`, en: `Clear the need: ${need.title}` }, 'clear'),
        box,
      );
    }),
  );
}

function listsCard(ctx, open, refresh) {
  const categories = [...new Set(open.map((n) => n.category))];
  const box = messageBox();
  return card(
    { title: { zh: '已收集的需求', en: 'Collected needs' }, 'data-testid': 'collected-needs' },
    categories.length === 0
      ? tx('p', { zh: '没有待列入清单的需求。', en: 'Nothing to list.' }, { class: 'muted' })
      : null,
    categories.map((category) => {
      const label = labelOf(NEED_CATEGORY_LABELS, category);
      const ofCategory = open.filter((n) => n.category === category);
      return h(
        'div',
        { class: 'list-item' },
        h(
          'div',
          { class: 'title' },
          tx('span', label),
          h('div', { class: 'muted' }, ofCategory.map((n) => `${n.title}（附议 ${n.supports}）`).join('；')),
        ),
        tx(
          'button',
          { zh: `编制${label.zh}需求清单`, en: `List the ${label.en} needs` },
          {
            type: 'button',
            onclick: async () => {
              try {
                await ctx.api('/community/needs-lists', {
                  method: 'POST',
                  body: { category, title: `${label.zh}需求清单`, needIds: ofCategory.map((n) => n.id) },
                });
                refresh();
              } catch (error) {
                showMessage(box, { zh: error.messageZh, en: error.messageEn });
              }
            },
          },
        ),
      );
    }),
    box,
  );
}

/** The ways to buy: directly, or each category of each open competition. */
function purchaseOptions(competitions) {
  return [
    ['direct', { zh: '小额直接购买', en: 'Direct small purchase' }],
    ...competitions.flatMap((c) =>
      c.rules.categories.map((category) => [
        `${c.id}|${category.key}`,
        { zh: `纳入「${c.title}」· ${category.labelZh}`, en: `In "${c.title}" · ${category.labelEn}` },
      ]),
    ),
  ];
}

function draftCard(ctx, lists, competitions, refresh) {
  const free = lists.filter((l) => l.needs.some((n) => n.state === 'listed' && n.orderId === null));
  if (free.length === 0) return null;
  const list = select(
    free.map((l) => [l.id, { zh: l.title, en: l.title }]),
    { name: 'list' },
  );
  const title = input({ name: 'title', maxlength: 100 });
  const scope = h('textarea', { name: 'scope', rows: 3, maxlength: 2000 });
  const who = input({ name: 'beneficiariesWho', maxlength: 100 });
  const count = input({ name: 'beneficiariesCount', type: 'number', inputmode: 'numeric' });
  const deliverables = h('textarea', { name: 'deliverables', rows: 3 });
  const start = input({ name: 'periodStart', type: 'date' });
  const end = input({ name: 'periodEnd', type: 'date' });
  const cap = input({ name: 'budgetCapFen', inputmode: 'decimal' });
  const purchase = select(purchaseOptions(competitions), { name: 'purchase' });
  const box = messageBox();
  const form = h(
    'form',
    { class: 'card', 'data-testid': 'draft-order', novalidate: true },
    tx('h2', { zh: '起草服务订单', en: 'Draft a service order' }),
    field({ zh: '回应的需求清单', en: 'Needs list answered' }, list, { path: 'needIds' }),
    field({ zh: '订单名称', en: 'Title' }, title, { path: 'title' }),
    field({ zh: '服务内容', en: 'Scope' }, scope, { path: 'scope' }),
    field({ zh: '受益对象', en: 'Beneficiaries' }, who, { path: 'beneficiariesWho' }),
    field({ zh: '受益人数', en: 'Number of beneficiaries' }, count, { path: 'beneficiariesCount' }),
    field({ zh: '交付内容（每行一项）', en: 'Deliverables (one a line)' }, deliverables, { path: 'deliverables' }),
    field({ zh: '服务开始日期', en: 'Period start' }, start, { path: 'periodStart' }),
    field({ zh: '服务结束日期', en: 'Period end' }, end, { path: 'periodEnd' }),
    field({ zh: '预算上限（元）', en: 'Budget cap (yuan)' }, cap, { path: 'budgetCapFen' }),
    field({ zh: '购买方式', en: 'How it is bought' }, purchase, { path: 'purchase' }),
    tx('button', { zh: '保存草稿', en: 'Save the draft' }, { type: 'submit', class: 'primary' }),
    box,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const money = parseYuan(cap.value);
    const chosen = free.find((l) => l.id === list.value);
    void post(ctx, form, {
      path: '/service-orders',
      body: {
        title: title.value,
        scope: scope.value,
        beneficiariesWho: who.value,
        beneficiariesCount: Number(count.value),
        deliverables: deliverables.value
          .split('\n')
          .map((d) => d.trim())
          .filter(Boolean),
        periodStart: start.value,
        periodEnd: end.value,
        budgetCapFen: money.fen ?? null,
        needIds: chosen.needs.filter((n) => n.state === 'listed' && n.orderId === null).map((n) => n.id),
        purchase: purchaseOf(purchase.value),
      },
      box,
      refresh,
    });
  });
  return form;
}

function purchaseOf(value) {
  if (value === 'direct') return { route: 'direct' };
  const [competitionId, competitionCategory] = value.split('|');
  return { route: 'competition', competitionId, competitionCategory };
}

function orderSummary(order) {
  return h(
    'div',
    { class: 'title' },
    h('strong', {}, order.title),
    ' ',
    tx('span', labelOf(SERVICE_ORDER_STATE_LABELS, order.state), { class: 'badge' }),
    h(
      'div',
      { class: 'muted' },
      `${order.community} · ${formatYuan(order.budgetCapFen)} · ${order.deliverables.join('；')}`,
    ),
    // 买单: the order's grant in the ledger, through the competition or bought directly by the office.
    order.grants.map((grant) =>
      tx(
        'div',
        {
          zh: `资助：${grant.agreementNumber} · ${formatYuan(grant.amountFen)} · ${labelOf(GRANT_STATE_LABELS, grant.state).zh}`,
          en: `Grant: ${grant.agreementNumber} · ${formatYuan(grant.amountFen)} · ${labelOf(GRANT_STATE_LABELS, grant.state).en}`,
        },
        { class: 'order-grant', 'data-testid': 'order-grant' },
      ),
    ),
  );
}

function myOrdersCard(ctx, mine, refresh) {
  return card(
    { title: { zh: '本社区的服务订单', en: 'The community’s service orders' }, 'data-testid': 'my-orders' },
    mine.map((order) => {
      const box = messageBox();
      const reason = input({ name: 'reason', maxlength: 500 });
      const form = h('form', { class: 'list-item', 'data-order': order.id }, orderSummary(order), box);
      if (order.state === 'draft') {
        form.append(
          postButton(
            ctx,
            { zh: `发布：${order.title}`, en: `Publish: ${order.title}` },
            {
              path: `/service-orders/${order.id}/publish`,
              box,
              refresh,
            },
          ),
        );
      }
      if (order.state === 'published' && order.route === 'direct' && order.offers.length > 0) {
        form.append(field({ zh: '选定理由', en: 'Why this one' }, reason, { path: 'reason' }));
        for (const offer of order.offers) {
          form.append(
            postButton(
              ctx,
              {
                zh: `选定 ${offer.organizationName}（${formatYuan(offer.amountFen)}）`,
                en: `Pick ${offer.organizationName} (${formatYuan(offer.amountFen)})`,
              },
              {
                path: `/service-orders/${order.id}/pick`,
                body: () => ({ offerId: offer.id, reason: reason.value }),
                box,
                refresh,
              },
            ),
          );
        }
      }
      if (order.pickReason)
        form.append(tx('p', { zh: `选定理由：${order.pickReason}`, en: `Picked because: ${order.pickReason}` }));
      return form;
    }),
  );
}

async function takingSection(ctx, organization, orders, refresh) {
  const open = orders.filter(
    (o) =>
      o.communityId !== organization.id && (o.state === 'published' || o.state === 'taken' || took(o, organization.id)),
  );
  const submissions = (await ctx.api('/submissions?pageSize=100')).items;
  return card(
    { title: { zh: '可承接的服务订单', en: 'Orders to take' }, 'data-testid': 'open-orders' },
    open.length === 0 ? tx('p', { zh: '暂无。', en: 'None yet.' }, { class: 'muted' }) : null,
    open.map((order) => {
      const box = messageBox();
      const form = h('form', { class: 'list-item', 'data-order': order.id, novalidate: true }, orderSummary(order));
      if (order.route === 'direct' && order.state === 'published') {
        const amount = input({ name: 'amountFen', inputmode: 'decimal' });
        const plan = h('textarea', { name: 'plan', rows: 2, maxlength: 2000 });
        form.append(
          field({ zh: `报价（元）：${order.title}`, en: `Offer (yuan): ${order.title}` }, amount, {
            path: 'amountFen',
          }),
          field({ zh: `服务方案：${order.title}`, en: `Plan: ${order.title}` }, plan, { path: 'plan' }),
          postButton(
            ctx,
            { zh: `报价承单：${order.title}`, en: `Offer: ${order.title}` },
            {
              path: `/service-orders/${order.id}/offers`,
              body: () => ({ amountFen: parseYuan(amount.value).fen ?? null, plan: plan.value }),
              box,
              refresh,
            },
          ),
        );
      }
      const mine = submissions.filter((s) => s.competitionId === order.competitionId);
      if (order.route === 'competition' && mine.length > 0) {
        const chosen = select(
          mine.map((s) => [s.id, { zh: s.title, en: s.title }]),
          { name: 'submissionId' },
        );
        form.append(
          field({ zh: `以申报项目承接：${order.title}`, en: `Take with a submission: ${order.title}` }, chosen, {
            path: 'submissionId',
          }),
          postButton(
            ctx,
            { zh: `承接：${order.title}`, en: `Take: ${order.title}` },
            {
              path: `/service-orders/${order.id}/submissions`,
              body: () => ({ submissionId: chosen.value }),
              box,
              refresh,
            },
          ),
        );
      }
      if (order.state === 'taken' && took(order, organization.id))
        form.append(deliveryFields(ctx, box, order, refresh));
      form.append(box);
      return form;
    }),
  );
}

/** The organization took the order: its offer was picked, or the competition funded its submission. */
function took(order, organizationId) {
  return order.route === 'direct'
    ? order.offers.some((o) => o.organizationId === organizationId && o.state === 'picked')
    : order.grants.some((g) => g.organizationId === organizationId);
}

function deliveryFields(ctx, box, order, refresh) {
  const items = order.deliverables.map((deliverable) => ({
    deliverable,
    done: select(
      [
        ['yes', { zh: '已完成', en: 'Done' }],
        ['no', { zh: '未完成', en: 'Not done' }],
      ],
      { name: 'done' },
    ),
    note: input({ name: 'note', maxlength: 500 }),
  }));
  const summary = h('textarea', { name: 'summary', rows: 2, maxlength: 2000 });
  return h(
    'div',
    { 'data-testid': 'delivery' },
    items.map((item) =>
      h(
        'div',
        {},
        field({ zh: `完成情况：${item.deliverable}`, en: `Done: ${item.deliverable}` }, item.done),
        field({ zh: `说明：${item.deliverable}`, en: `Note: ${item.deliverable}` }, item.note),
      ),
    ),
    field({ zh: `交付总结：${order.title}`, en: `Summary: ${order.title}` }, summary, { path: 'summary' }),
    postButton(
      ctx,
      { zh: `报告交付：${order.title}`, en: `Report delivery: ${order.title}` },
      {
        path: `/service-orders/${order.id}/delivery`,
        body: () => ({
          summary: summary.value,
          items: items.map((item) => ({
            deliverable: item.deliverable,
            done: item.done.value === 'yes',
            note: item.note.value,
          })),
        }),
        box,
        refresh,
      },
    ),
  );
}

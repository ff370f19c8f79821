// 事件推送: the office registers where its events go, sees every delivery attempt and replays one.
import { clear, h } from '../shared/dom.js';
import { checkboxField, field, input, messageBox, sendThen, showApiError, showMessage } from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { dataTable } from '../shared/table.js';
import { beijingTime } from '../shared/time.js';
import { WEBHOOK_DELIVERY_STATUS_LABELS, WEBHOOK_TOPIC_LABELS } from '/vocabulary.js';
import { backToCompetitions } from './competitions-view.js';
import { card } from '../shared/card.js';

function topicsText(topics) {
  return {
    zh: topics.map((topic) => labelOf(WEBHOOK_TOPIC_LABELS, topic).zh).join('、'),
    en: topics.map((topic) => labelOf(WEBHOOK_TOPIC_LABELS, topic).en).join(', '),
  };
}

function registerCard(ctx, refresh) {
  const box = messageBox();
  const reveal = h('div', { 'aria-live': 'polite' });
  const url = input({ name: 'url', type: 'url', maxlength: 2000, placeholder: 'https://' });
  const description = input({ name: 'description', maxlength: 200 });
  const checks = Object.keys(WEBHOOK_TOPIC_LABELS).map((topic) => {
    const box = h('input', { name: 'topics', value: topic });
    return [topic, box, checkboxField(labelOf(WEBHOOK_TOPIC_LABELS, topic), box)];
  });
  const topics = h(
    'fieldset',
    { 'data-field': 'topics', id: 'webhook-topics' },
    tx('legend', { zh: '订阅的事件', en: 'Topics' }),
    checks.map(([, , node]) => node),
    h('p', { class: 'field-error', id: 'webhook-topics-error', hidden: true }),
  );
  const form = h(
    'form',
    {
      class: 'form-grid',
      onsubmit: async (event) => {
        event.preventDefault();
        clear(reveal);
        await sendThen(
          form,
          box,
          () =>
            ctx.api('/webhooks', {
              method: 'POST',
              body: {
                url: url.value,
                description: description.value,
                topics: checks.filter(([, box]) => box.checked).map(([topic]) => topic),
              },
            }),
          async (created) => {
            form.reset();
            showMessage(box, { zh: '已登记接收地址', en: 'Endpoint registered' }, 'ok');
            reveal.append(
              h(
                'div',
                { class: 'code-reveal', 'data-testid': 'webhook-secret' },
                tx('p', { zh: '签名密钥（只显示这一次）：', en: 'Signing secret (shown this once):' }),
                h('output', { class: 'mono' }, created.secret),
              ),
            );
            await refresh();
          },
        );
      },
    },
    field({ zh: '接收地址', en: 'Endpoint URL' }, url, {
      path: 'url',
      hint: { zh: '须为 https 地址', en: 'must be an https address' },
    }),
    field({ zh: '说明', en: 'Description' }, description, { path: 'description' }),
    topics,
    h('div', { class: 'actions' }, tx('button', { zh: '登记', en: 'Register' }, { type: 'submit', class: 'primary' })),
  );
  return card({ title: { zh: '登记接收地址', en: 'Register an endpoint' } }, box, form, reveal);
}

function endpointsCard(ctx, endpoints, refresh) {
  return card(
    { title: { zh: '接收地址', en: 'Endpoints' } },
    dataTable(
      [
        { zh: '地址', en: 'URL' },
        { zh: '事件', en: 'Topics' },
        { zh: '登记时间（北京时间）', en: 'Registered (Beijing)' },
        { zh: '操作', en: 'Action' },
      ],
      endpoints.map((endpoint) =>
        h(
          'tr',
          { 'data-testid': 'webhook-endpoint' },
          h('td', { class: 'mono' }, endpoint.url),
          tx('td', topicsText(endpoint.topics)),
          h('td', {}, beijingTime(endpoint.createdAt)),
          h(
            'td',
            {},
            tx(
              'button',
              { zh: '停用', en: 'Disable' },
              {
                type: 'button',
                onclick: async () => {
                  await ctx.api(`/webhooks/${endpoint.id}`, { method: 'DELETE' });
                  await refresh();
                },
              },
            ),
          ),
        ),
      ),
      { empty: { zh: '还没有登记接收地址。', en: 'No endpoint registered yet.' } },
    ),
  );
}

function deliveriesCard(ctx, page, refresh) {
  const box = messageBox();
  return card(
    { title: { zh: '投递记录', en: 'Delivery log' } },
    box,
    dataTable(
      [
        { zh: '时间（北京时间）', en: 'Time (Beijing)' },
        { zh: '事件', en: 'Topic' },
        { zh: '地址', en: 'URL' },
        { zh: '第几次', en: 'Attempt', num: true },
        { zh: '结果', en: 'Result' },
        { zh: '对方状态码', en: 'Response', num: true },
        { zh: '耗时（毫秒）', en: 'Duration (ms)', num: true },
        { zh: '错误', en: 'Error' },
        { zh: '操作', en: 'Action' },
      ],
      page.items.map((delivery) =>
        h(
          'tr',
          { 'data-testid': 'webhook-delivery' },
          h('td', {}, beijingTime(delivery.createdAt)),
          tx('td', labelOf(WEBHOOK_TOPIC_LABELS, delivery.topic)),
          h('td', { class: 'mono' }, delivery.url),
          h('td', { class: 'num' }, delivery.replay ? `${delivery.attempt} ↻` : String(delivery.attempt)),
          tx('td', labelOf(WEBHOOK_DELIVERY_STATUS_LABELS, delivery.status)),
          h('td', { class: 'num' }, delivery.responseStatus === null ? '—' : String(delivery.responseStatus)),
          h('td', { class: 'num' }, String(delivery.durationMs)),
          h('td', {}, delivery.error ?? ''),
          h(
            'td',
            {},
            tx(
              'button',
              { zh: '重新投递', en: 'Replay' },
              {
                type: 'button',
                onclick: async () => {
                  try {
                    await ctx.api(`/webhook-deliveries/${delivery.id}/replay`, { method: 'POST' });
                    showMessage(box, { zh: '已重新排队投递', en: 'Queued for delivery again' }, 'ok');
                    setTimeout(() => void refresh(), 1500);
                  } catch (error) {
                    showApiError(box, box, error);
                  }
                },
              },
            ),
          ),
        ),
      ),
      { empty: { zh: '还没有投递。', en: 'Nothing delivered yet.' } },
    ),
  );
}

export async function webhooksView(ctx) {
  const holder = h('div', {});
  const refresh = async () => {
    const [endpoints, deliveries] = await Promise.all([
      ctx.api('/webhooks'),
      ctx.api('/webhook-deliveries?pageSize=50'),
    ]);
    clear(holder).append(endpointsCard(ctx, endpoints.items, refresh), deliveriesCard(ctx, deliveries, refresh));
  };
  await refresh();
  return h(
    'div',
    {},
    backToCompetitions(),
    tx('h1', { zh: '事件推送', en: 'Webhooks' }),
    tx('p', {
      zh: '大赛中的事件（提交、锁定评分、公示、拨付等）会签名后推送到这里登记的地址；失败会自动重试。',
      en: 'Events of your competitions (submissions, locked scores, notices, payments…) are signed and sent to the addresses registered here; failures are retried.',
    }),
    registerCard(ctx, refresh),
    holder,
  );
}

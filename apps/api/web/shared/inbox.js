// 站内通知: the signed-in person's inbox in the page header, on every page of the office console and
// the applicant pages. The count is read when a page is drawn; the list when the person opens it.
import { h, clear } from './dom.js';
import { tx } from './i18n.js';
import { beijingTime } from './time.js';

function countLabel(unread) {
  return unread > 0
    ? { zh: `通知（${unread} 条未读）`, en: `Notifications (${unread} unread)` }
    : { zh: '通知', en: 'Notifications' };
}

function entry(ctx, item, refresh) {
  const unread = item.readAt === null;
  return h(
    'li',
    { class: unread ? 'inbox-item unread' : 'inbox-item' },
    tx('p', { zh: item.titleZh, en: item.titleEn }, { class: 'inbox-title' }),
    tx('p', { zh: item.bodyZh, en: item.bodyEn }),
    h('p', { class: 'muted' }, h('time', { datetime: item.createdAt }, beijingTime(item.createdAt))),
    unread
      ? h(
          'button',
          {
            type: 'button',
            onclick: async () => {
              await ctx.api(`/notifications/${item.id}/read`, { method: 'POST' });
              await refresh();
            },
          },
          tx('span', { zh: '标为已读', en: 'Mark read' }),
        )
      : tx('p', { zh: '已读', en: 'Read' }, { class: 'muted' }),
  );
}

/** The header's inbox button and its panel; an inbox that cannot be read leaves the header as it was. */
export function inbox(ctx) {
  const panel = h('section', {
    class: 'inbox-panel',
    id: 'inbox-panel',
    hidden: true,
    'aria-label': '通知 / Notifications',
  });
  const button = h('button', {
    type: 'button',
    class: 'inbox-button',
    'aria-expanded': 'false',
    'aria-controls': 'inbox-panel',
  });
  const holder = h('span', { class: 'inbox' }, button, panel);

  const refresh = async () => {
    const page = await ctx.api('/notifications?pageSize=20');
    clear(button).append(tx('span', countLabel(page.unread)));
    clear(panel).append(
      tx('h2', { zh: '通知', en: 'Notifications' }),
      page.items.length === 0
        ? tx('p', { zh: '暂无通知', en: 'No notifications yet' })
        : h('ul', { class: 'inbox-list' }, ...page.items.map((item) => entry(ctx, item, refresh))),
    );
  };
  button.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  });
  clear(button).append(tx('span', countLabel(0)));
  refresh().catch(() => holder.remove());
  return holder;
}

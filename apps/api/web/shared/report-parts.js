// A report as both sides read it: its activities, spending per budget line, attachments and the
// review's comments.
import { fill, formatYuan, h } from './dom.js';
import { downloadFile } from './download.js';
import { messageBox, showApiError } from './forms.js';
import { breadcrumb } from './app-shell.js';
import { dataTable } from './table.js';
import { labelOf, tx } from './i18n.js';
import { lateness } from './grant-ledger.js';
import { REPORT_STATE_LABELS } from '/vocabulary.js';

/** Due date, state and lateness: what both sides look at first. */
export function reportFacts(report) {
  return h(
    'dl',
    { class: 'summary-list' },
    tx('dt', { zh: '截止日期', en: 'Due' }),
    h('dd', { class: 'mono' }, report.dueOn),
    tx('dt', { zh: '状态', en: 'State' }),
    tx('dd', labelOf(REPORT_STATE_LABELS, report.state), { 'data-testid': 'report-state' }),
    tx('dt', { zh: '逾期', en: 'Lateness' }),
    h('dd', {}, lateness(report.daysLate)),
  );
}

export function attachmentList(ctx, report, onError, remove) {
  if (report.attachments.length === 0) {
    return tx('p', { zh: '还没有附件。', en: 'No attachments yet.' }, { class: 'muted' });
  }
  return h(
    'ul',
    { 'data-testid': 'attachments' },
    report.attachments.map((attachment) =>
      h(
        'li',
        { 'data-testid': 'attachment' },
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () =>
              downloadFile(`/attachments/${attachment.id}`, {
                token: ctx.token(),
                fallbackName: attachment.filename,
              }).catch(onError),
          },
          attachment.filename,
        ),
        h(
          'span',
          { class: 'muted' },
          ` ${Math.ceil(attachment.sizeBytes / 1024)} KB · sha256 ${attachment.sha256.slice(0, 12)}…`,
        ),
        remove ? remove(attachment) : null,
      ),
    ),
  );
}

export function reviewLog(report) {
  const entries = report.review.filter((entry) => entry.text);
  if (entries.length === 0) return null;
  return h(
    'div',
    { 'data-testid': 'review-comments' },
    entries.map((entry) =>
      h(
        'div',
        { class: `message-box ${entry.action === 'return' ? 'warn' : 'ok'}` },
        tx(
          'p',
          entry.action === 'return'
            ? { zh: `退回意见（${entry.at.slice(0, 10)}）：`, en: `Returned (${entry.at.slice(0, 10)}):` }
            : { zh: `审核意见（${entry.at.slice(0, 10)}）：`, en: `Review (${entry.at.slice(0, 10)}):` },
        ),
        h('p', {}, entry.text),
      ),
    ),
  );
}

export function activitiesTable(activities) {
  if (activities.length === 0) return tx('p', { zh: '未填写活动。', en: 'No activities.' }, { class: 'muted' });
  return dataTable(
    [
      { zh: '日期', en: 'Date' },
      { zh: '地点', en: 'Place' },
      { zh: '参与人数', en: 'Participants', num: true },
      { zh: '内容', en: 'What' },
    ],
    activities.map((a) =>
      h(
        'tr',
        {},
        h('td', { class: 'mono' }, a.date),
        h('td', {}, a.place),
        h('td', { class: 'num' }, String(a.participants)),
        h('td', {}, a.description),
      ),
    ),
  );
}

export function spendingTable(spending) {
  return dataTable(
    [
      { zh: '支出科目', en: 'Budget line' },
      { zh: '资助资金支出', en: 'From the grant', num: true },
      { zh: '配套资金支出', en: 'From matching funds', num: true },
    ],
    spending.map((s) =>
      h(
        'tr',
        {},
        h('td', {}, s.item),
        h('td', { class: 'num' }, formatYuan(s.grantFen)),
        h('td', { class: 'num' }, formatYuan(s.matchingFen)),
      ),
    ),
  );
}

/** A report as submitted: its narrative, activities, spending and attachments, headed for reading. */
export function reportBody(ctx, report, onError) {
  return h(
    'div',
    {},
    tx('h2', { zh: '项目进展', en: 'Progress' }),
    h('p', { class: 'narrative' }, report.narrative),
    tx('h2', { zh: '活动', en: 'Activities' }),
    activitiesTable(report.activities),
    tx('h2', { zh: '本期支出', en: 'Spending since the last report' }),
    spendingTable(report.spending),
    tx('h2', { zh: '附件', en: 'Attachments' }),
    attachmentList(ctx, report, onError),
  );
}

/**
 * A report's page on either side: the way back to its grant, the side's heading, then one card with
 * the facts first, the side's `parts` (given the page's refresh and where refusals show) and the
 * message box.
 */
export async function reportPage(ctx, id, { back, heading, parts }) {
  const report = await ctx.api(`/reports/${id}`);
  const refresh = () => ctx.go(`#/reports/${id}`);
  const box = messageBox();
  const section = h('section', { class: 'card' });
  const onError = (error) => showApiError(section, box, error);
  fill(section, reportFacts(report), parts(report, { refresh, onError }), box);
  return h('div', {}, breadcrumb(back, `#/grants/${report.grantId}`), heading(report), section);
}

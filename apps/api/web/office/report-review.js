// The office reviews a grantee's report: returned with comments, or accepted (its spending then
// counts, and a tranche waiting for it becomes eligible).
import { fill, h } from '../shared/dom.js';
import { field, messageBox, sendThen, showApiError } from '../shared/forms.js';
import { reportLabel } from '../shared/grant-ledger.js';
import { reportBody, reportFacts, reviewLog } from '../shared/report-parts.js';
import { tx } from '../shared/i18n.js';
import { breadcrumb } from '../shared/app-shell.js';

function decisionForm(ctx, report, refresh) {
  const comments = h('textarea', { rows: 3, maxlength: 500 });
  const box = messageBox();
  const send = (path, body) => sendThen(form, box, () => ctx.api(path, { method: 'POST', body }), refresh);
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'review-form' },
    field(
      { zh: '审核意见（退回时必填，申报单位可见）', en: 'Comments (required to return; the grantee reads them)' },
      comments,
      {
        path: 'comments',
      },
    ),
    h(
      'div',
      { class: 'actions' },
      tx(
        'button',
        { zh: '审核通过', en: 'Accept' },
        {
          type: 'button',
          class: 'primary',
          onclick: () =>
            send(`/reports/${report.id}/accept`, comments.value.trim() ? { comments: comments.value } : {}),
        },
      ),
      tx(
        'button',
        { zh: '退回修改', en: 'Return for changes' },
        {
          type: 'button',
          onclick: () => send(`/reports/${report.id}/return`, { comments: comments.value }),
        },
      ),
    ),
    box,
  );
  return form;
}

export async function reportReviewView(ctx, id) {
  const report = await ctx.api(`/reports/${id}`);
  const refresh = () => ctx.go(`#/reports/${id}`);
  const box = messageBox();
  const card = h('section', { class: 'card' });
  fill(
    card,
    reportFacts(report),
    reportBody(ctx, report, (error) => showApiError(card, box, error)),
    reviewLog(report),
    report.state === 'submitted' ? decisionForm(ctx, report, refresh) : null,
    box,
  );
  return h(
    'div',
    {},
    breadcrumb({ zh: '← 资助详情', en: '← The grant' }, `#/grants/${report.grantId}`),
    h('h1', {}, `${report.agreementNumber} `, tx('span', reportLabel(report))),
    h('p', {}, report.projectTitle),
    card,
  );
}

// The office reviews a grantee's report: returned with comments, or accepted (its spending then
// counts, and a tranche waiting for it becomes eligible).
import { h } from '../shared/dom.js';
import { field, messageBox, sendThen } from '../shared/forms.js';
import { reportLabel } from '../shared/grant-ledger.js';
import { reportBody, reportPage, reviewLog } from '../shared/report-parts.js';
import { tx } from '../shared/i18n.js';

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

export function reportReviewView(ctx, id) {
  return reportPage(ctx, id, {
    back: { zh: '← 资助详情', en: '← The grant' },
    heading: (report) => [
      h('h1', {}, `${report.agreementNumber} `, tx('span', reportLabel(report))),
      h('p', {}, report.projectTitle),
    ],
    parts: (report, { refresh, onError }) => [
      reportBody(ctx, report, onError),
      reviewLog(report),
      report.state === 'submitted' ? decisionForm(ctx, report, refresh) : null,
    ],
  });
}

// After ranking: the project's grant and its reason (from the public notice), the objection the
// organization may file during the notice period, and its own agreement once awarded.
import { ApiError } from '../shared/api.js';
import { fill, formatYuan, h } from '../shared/dom.js';
import { downloadFile } from '../shared/download.js';
import { field, messageBox, showApiError, showMessage } from '../shared/forms.js';
import { AGREEMENT_STATUS_LABELS, OBJECTION_STATUS_LABELS } from '/vocabulary.js';
import { componentTitle } from '../shared/score-components.js';
import { beijingTime } from '../shared/time.js';
import { labelOf, tx } from '../shared/i18n.js';

async function orNull(promise) {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

function objectionForm(ctx, notice, submission, onFiled) {
  const reason = h('textarea', { rows: 4, maxlength: 2000 });
  const box = messageBox();
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'objection-form' },
    field({ zh: '异议理由', en: 'Your objection' }, reason, {
      path: 'reason',
      hint: {
        zh: `公示期至 ${beijingTime(notice.endsAt)}，街道办将逐条答复`,
        en: `open until ${beijingTime(notice.endsAt)}; the office answers each one`,
      },
    }),
    h('div', { class: 'actions' }, tx('button', { zh: '提出异议', en: 'File the objection' }, { type: 'submit' })),
    box,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await ctx.api(`/publications/${notice.id}/objections`, {
        method: 'POST',
        body: { submissionId: submission.id, reason: reason.value },
      });
      onFiled();
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

export const SCAN_TYPES = 'application/pdf,image/jpeg,image/png';
export const SCAN_MAX_BYTES = 10 * 1024 * 1024;

async function download(ctx, box, section, path, fallbackName) {
  try {
    const file = await downloadFile(path, { token: ctx.token(), fallbackName });
    showMessage(box, { zh: `已下载 ${file.name}`, en: `Downloaded ${file.name}` }, 'ok');
  } catch (error) {
    showApiError(section, box, error);
  }
}

/** The signed and stamped scan goes back to the office through the same page the agreement came from. */
function signedScanForm(ctx, agreement, submission, box) {
  const input = h('input', { type: 'file', accept: SCAN_TYPES, required: true });
  const form = h(
    'form',
    { novalidate: true, 'data-testid': 'signed-scan-form' },
    field({ zh: '签字盖章扫描件', en: 'Signed and stamped scan' }, input, {
      path: 'file',
      hint: { zh: 'PDF、JPEG 或 PNG，不超过 10 MB', en: 'PDF, JPEG or PNG, at most 10 MB' },
    }),
    h('div', { class: 'actions' }, tx('button', { zh: '上传扫描件', en: 'Upload the scan' }, { type: 'submit' })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    if (!file) {
      showMessage(box, { zh: '请先选择扫描件文件', en: 'Choose the scan file first' });
      return;
    }
    if (file.size > SCAN_MAX_BYTES) {
      showMessage(box, { zh: '文件超过 10 MB，请压缩后再上传', en: 'The file is larger than 10 MB; shrink it first' });
      return;
    }
    const upload = new FormData();
    upload.append('file', file, file.name);
    try {
      await ctx.api(`/agreements/${agreement.id}/signed-scan`, { method: 'POST', form: upload });
      ctx.go(`#/submissions/${submission.id}`);
    } catch (error) {
      showApiError(form, box, error);
    }
  });
  return form;
}

function agreementBlock(ctx, agreement, submission, box, section) {
  const signed = agreement.status === 'signed';
  return h(
    'div',
    { 'data-testid': 'agreement' },
    h(
      'div',
      { class: 'actions' },
      tx('span', { zh: `资助协议书 ${agreement.number}`, en: `Funding agreement ${agreement.number}` }),
      tx('span', labelOf(AGREEMENT_STATUS_LABELS, agreement.status), {
        class: 'badge',
        'data-testid': 'agreement-status',
      }),
      tx(
        'button',
        { zh: '下载协议书（PDF）', en: 'Download the agreement (PDF)' },
        {
          type: 'button',
          class: signed ? '' : 'primary',
          onclick: () => download(ctx, box, section, `/agreements/${agreement.id}/pdf`, `${agreement.number}.pdf`),
        },
      ),
      signed
        ? tx(
            'button',
            { zh: '下载已上传的扫描件', en: 'Download the uploaded scan' },
            {
              type: 'button',
              onclick: () =>
                download(ctx, box, section, `/agreements/${agreement.id}/signed-scan`, `${agreement.number}-signed`),
            },
          )
        : null,
    ),
    signed
      ? tx(
          'p',
          {
            zh: `已于 ${beijingTime(agreement.signedAt)} 上传签字盖章扫描件。`,
            en: `The signed scan was uploaded on ${beijingTime(agreement.signedAt)}.`,
          },
          { class: 'hint' },
        )
      : h(
          'div',
          {},
          tx(
            'p',
            {
              zh: '请下载协议书，签字盖章后扫描上传。',
              en: 'Download the agreement, sign and stamp it, then upload the scan.',
            },
            { class: 'hint' },
          ),
          signedScanForm(ctx, agreement, submission, box),
        ),
  );
}

/**
 * The parts of the final score, one line each in the rules' order: 初评 86.00（权重 0.15）. Only the
 * results table carries them; the public notice names the final score alone.
 */
function componentLines(components, row) {
  if (!components || !row.components) return [];
  return components.flatMap((component) => {
    const part = row.components.find((entry) => entry.key === component.key);
    return [tx('dt', componentTitle(component)), h('dd', { 'data-component': component.key }, part?.display ?? '—')];
  });
}

export async function outcomeSection(ctx, submission, competition) {
  if (submission.state !== 'submitted' || submission.screening !== 'passed') return null;
  const [notice, results, agreement] = await Promise.all([
    orNull(ctx.api(`/competitions/${competition.id}/publication`)),
    orNull(ctx.api(`/competitions/${competition.id}/results`)),
    orNull(ctx.api(`/submissions/${submission.id}/agreement`)),
  ]);
  const row =
    results?.items.find((r) => r.submissionId === submission.id) ??
    notice?.results.find((r) => r.submissionId === submission.id);
  if (!row && !agreement) return null;

  const box = messageBox();
  const section = h('section', { class: 'card', 'aria-labelledby': 'result-heading', 'data-testid': 'result' });
  const objections = h('div', {});
  if (notice) {
    const filed = await orNull(ctx.api(`/publications/${notice.id}/objections`));
    const mine = (filed?.items ?? []).filter((o) => o.submissionId === submission.id);
    objections.append(
      ...mine.map((objection) =>
        h(
          'div',
          { class: 'message-box', 'data-testid': 'my-objection' },
          h(
            'p',
            {},
            tx('strong', { zh: '我的异议：', en: 'Our objection: ' }),
            tx('span', labelOf(OBJECTION_STATUS_LABELS, objection.status), { class: 'badge' }),
          ),
          h('p', {}, objection.reason),
          objection.answer
            ? h('p', {}, tx('strong', { zh: '答复：', en: 'Answer: ' }), h('span', {}, objection.answer))
            : null,
        ),
      ),
    );
    if (notice.phase === 'in-period' && !mine.some((o) => o.status === 'open')) {
      objections.append(objectionForm(ctx, notice, submission, () => ctx.go(`#/submissions/${submission.id}`)));
    }
  }

  // The results table words the reason as { code, zh, en }; the public notice as reasonZh / reasonEn.
  const reasonPair =
    row?.reason && typeof row.reason === 'object'
      ? row.reason
      : row
        ? { zh: row.reasonZh ?? row.reason, en: row.reasonEn ?? row.reason }
        : null;
  fill(
    section,
    tx('h2', { zh: '评审结果', en: 'Result' }, { id: 'result-heading' }),
    row
      ? h(
          'dl',
          { class: 'summary-list' },
          tx('dt', { zh: '名次', en: 'Rank' }),
          h('dd', {}, String(row.rank ?? row.displayRank)),
          ...componentLines(results?.components, row),
          tx('dt', results?.components?.length > 0 ? { zh: '总分', en: 'Final score' } : { zh: '得分', en: 'Score' }),
          h('dd', { 'data-testid': 'final-score' }, row.score),
          tx('dt', { zh: '资助金额', en: 'Grant' }),
          h('dd', { 'data-testid': 'grant' }, formatYuan(row.grantFen)),
          tx('dt', { zh: '说明', en: 'Reason' }),
          tx('dd', reasonPair, { 'data-testid': 'grant-reason' }),
        )
      : null,
    notice
      ? tx(
          'p',
          notice.phase === 'in-period'
            ? {
                zh: `公示期：${beijingTime(notice.startsAt)} 至 ${beijingTime(notice.endsAt)}`,
                en: `Public notice: ${beijingTime(notice.startsAt)} to ${beijingTime(notice.endsAt)}`,
              }
            : { zh: '公示期已结束。', en: 'The notice period is over.' },
          { class: 'hint' },
        )
      : null,
    objections,
    agreement ? agreementBlock(ctx, agreement, submission, box, section) : null,
    box,
  );
  return section;
}

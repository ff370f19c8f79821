// A grant's evaluations as its grantee and the office read them: each round's score, band, stars and
// what it led to, with the remediation deadline while one runs.
import { h } from './dom.js';
import { dataTable } from './table.js';
import { labelOf, tx } from './i18n.js';
import { EVALUATION_OUTCOME_LABELS, EVALUATION_STAGE_LABELS } from '/vocabulary.js';
import { card } from './card.js';

export function evaluationsCard(evaluations) {
  const rows = evaluations.items.map((item) =>
    h(
      'tr',
      { 'data-testid': 'grant-evaluation' },
      tx('td', labelOf(EVALUATION_STAGE_LABELS, item.stage)),
      h('td', {}, item.closedOn),
      h('td', { class: 'num' }, item.score),
      tx('td', { zh: `${item.band} ${item.bandLabelZh}`, en: `${item.band} ${item.bandLabelEn}` }),
      tx(
        'td',
        item.stars ? { zh: '★'.repeat(item.stars), en: `${item.stars} stars` } : { zh: '不评星', en: 'no stars' },
      ),
      tx('td', labelOf(EVALUATION_OUTCOME_LABELS, item.outcome)),
    ),
  );
  return card(
    { title: { zh: '评估结果', en: 'Evaluations' }, headingId: 'evaluations-heading' },
    evaluations.remediationDueOn
      ? tx(
          'p',
          {
            zh: `评估不合格，须在 ${evaluations.remediationDueOn} 前完成整改，之后参加复评。`,
            en: `The evaluation was failed: remediate by ${evaluations.remediationDueOn}, then the project is evaluated again.`,
          },
          { class: 'notice', 'data-testid': 'remediation-due' },
        )
      : null,
    dataTable(
      [
        { zh: '评估', en: 'Evaluation' },
        { zh: '日期', en: 'Date' },
        { zh: '得分', en: 'Score', num: true },
        { zh: '等次', en: 'Band' },
        { zh: '星级', en: 'Stars' },
        { zh: '结果', en: 'Outcome' },
      ],
      rows,
      { empty: { zh: '尚未评估。', en: 'Not evaluated yet.' } },
    ),
  );
}

/**
 * A project's latest evaluation in one line, as the accountability page and the organization's
 * history show it: the stage, the band, the stars and whether it went through remediation.
 */
export function latestEvaluationText(evaluation) {
  if (!evaluation) return { zh: '尚未评估', en: 'not evaluated yet' };
  const stars = evaluation.stars ? { zh: ` ${'★'.repeat(evaluation.stars)}`, en: `, ${evaluation.stars} stars` } : null;
  const remediated = evaluation.remediated ? { zh: '（经整改）', en: ' (after remediation)' } : null;
  return {
    zh: `${evaluation.stage.labelZh} ${evaluation.band.code} ${evaluation.band.labelZh}${stars?.zh ?? ''}${remediated?.zh ?? ''}`,
    en: `${evaluation.stage.labelEn}: ${evaluation.band.code} ${evaluation.band.labelEn}${stars?.en ?? ''}${remediated?.en ?? ''}`,
  };
}

// The rules' evaluation terms in the rules editor (评估规则): the rubric the panel scores by, the
// band and star thresholds out of 100, the star gate and the days to remediate. Frozen with the rest.
import { h } from '../shared/dom.js';
import { field, input, select } from '../shared/forms.js';
import { JUDGE_GROUP_LABELS } from '/vocabulary.js';
import { tx } from '../shared/i18n.js';
import { intOrText } from './grant-terms.js';

const GATE_EFFECTS = [
  ['one-fewer', { zh: '未达门槛降一星', en: 'One star fewer' }],
  ['none', { zh: '未达门槛不评星', en: 'No stars' }],
];

export function evaluationTermsFieldset(evaluation, frozen) {
  const bandInputs = evaluation.bands.map((band) => input({ inputmode: 'decimal', value: band.minScore }));
  const starInputs = evaluation.stars.map((level) => input({ inputmode: 'decimal', value: level.minScore }));
  const gateInputs = evaluation.starGates.map((gate) => ({
    share: input({ inputmode: 'decimal', value: gate.minShare }),
    effect: select(GATE_EFFECTS, { value: gate.effect }),
  }));
  const remediationDays = input({ inputmode: 'numeric', value: String(evaluation.remediationDays) });
  const labelOfCriterion = (key) => evaluation.rubric.find((c) => c.key === key) ?? { labelZh: key, labelEn: key };
  const weights = evaluation.aggregation.groupWeights ?? {};
  const node = h(
    'fieldset',
    { class: 'card', disabled: frozen, 'data-testid': 'evaluation-terms' },
    h('legend', { 'data-zh': '评估规则', 'data-en': 'Evaluation rules' }, '评估规则'),
    tx('p', {
      zh: `评估细则：${evaluation.rubric.map((c) => `${c.labelZh} ${c.maxPoints} 分`).join('、')}`,
      en: `Rubric: ${evaluation.rubric.map((c) => `${c.labelEn} ${c.maxPoints}`).join(', ')}`,
    }),
    tx('p', {
      zh: `评估组权重：${Object.entries(weights)
        .map(([group, weight]) => `${JUDGE_GROUP_LABELS[group]?.zh ?? group} ${weight}`)
        .join('、')}`,
      en: `Group weights: ${Object.entries(weights)
        .map(([group, weight]) => `${JUDGE_GROUP_LABELS[group]?.en ?? group} ${weight}`)
        .join(', ')}`,
    }),
    h(
      'div',
      { class: 'form-grid' },
      evaluation.bands.map((band, i) =>
        field(
          { zh: `${band.key} ${band.labelZh}最低分`, en: `${band.key} ${band.labelEn}: lowest score` },
          bandInputs[i],
          { path: `evaluation.bands.${i}.minScore` },
        ),
      ),
      evaluation.stars.map((level, i) =>
        field({ zh: `${level.stars} 星最低分`, en: `${level.stars} stars: lowest score` }, starInputs[i], {
          path: `evaluation.stars.${i}.minScore`,
        }),
      ),
      evaluation.starGates.flatMap((gate, i) => [
        field(
          {
            zh: `星级门槛：“${labelOfCriterion(gate.criterion).labelZh}”须达满分的比例`,
            en: `Star gate: share of "${labelOfCriterion(gate.criterion).labelEn}" required`,
          },
          gateInputs[i].share,
          { path: `evaluation.starGates.${i}.minShare` },
        ),
        field({ zh: '未达门槛时', en: 'When missed' }, gateInputs[i].effect, {
          path: `evaluation.starGates.${i}.effect`,
        }),
      ]),
      field({ zh: '不合格后的整改期限（天）', en: 'Days to remediate after a fail' }, remediationDays, {
        path: 'evaluation.remediationDays',
      }),
    ),
  );
  const value = () => ({
    ...evaluation,
    bands: evaluation.bands.map((band, i) => ({ ...band, minScore: bandInputs[i].value.trim() })),
    stars: evaluation.stars.map((level, i) => ({ ...level, minScore: starInputs[i].value.trim() })),
    starGates: evaluation.starGates.map((gate, i) => ({
      ...gate,
      minShare: gateInputs[i].share.value.trim(),
      effect: gateInputs[i].effect.value,
    })),
    remediationDays: intOrText(remediationDays.value),
  });
  return { node, value };
}

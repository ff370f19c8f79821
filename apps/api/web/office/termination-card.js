// 终止建议: what a rule or the office proposes on a grant, and the office's decision on it. Confirming
// ends the grant on a breach (everything paid comes back) and bars the organization for the rules' years.
import { h } from '../shared/dom.js';
import { field, select } from '../shared/forms.js';
import { labelOf, tx } from '../shared/i18n.js';
import { beijingTime } from '../shared/time.js';
import { reasonAction } from './reason-action.js';
import { OFFICE_TERMINATION_CAUSES, TERMINATION_CAUSE_LABELS, TERMINATION_PROPOSAL_STATE_LABELS } from '/vocabulary.js';
import { card } from '../shared/card.js';

function proposalFacts(proposal) {
  return h(
    'div',
    {},
    h(
      'p',
      {},
      tx('strong', labelOf(TERMINATION_CAUSE_LABELS, proposal.cause), { 'data-testid': 'proposal-cause' }),
      ' · ',
      tx('span', labelOf(TERMINATION_PROPOSAL_STATE_LABELS, proposal.state), { 'data-testid': 'proposal-state' }),
      ' · ',
      h('span', { class: 'muted' }, beijingTime(proposal.proposedAt)),
    ),
    h('p', { 'data-testid': 'proposal-detail' }, proposal.detail),
    proposal.decisionReason ? h('p', { class: 'muted' }, proposal.decisionReason) : null,
    proposal.sanction
      ? tx(
          'p',
          {
            zh: `已记录限制申报，至 ${proposal.sanction.endsOn} 止`,
            en: `Sanction recorded, until ${proposal.sanction.endsOn}`,
          },
          { class: 'message-box warn', 'data-testid': 'proposal-sanction' },
        )
      : null,
  );
}

function openProposal(ctx, proposal, refresh) {
  return h(
    'div',
    { class: 'message-box warn', 'data-testid': 'open-proposal' },
    proposalFacts(proposal),
    reasonAction(ctx, {
      label: { zh: '确认终止', en: 'Confirm the termination' },
      placeholder: { zh: '如：经街道党工委会议研究，确认终止', en: 'e.g. confirmed by the office’s meeting' },
      path: `/termination-proposals/${proposal.id}/confirm`,
      done: refresh,
      danger: true,
      testid: 'confirm-termination',
    }),
    reasonAction(ctx, {
      label: { zh: '不予采纳', en: 'Override' },
      placeholder: { zh: '如：经核实已整改到位，继续执行', en: 'e.g. corrected; the project goes on' },
      path: `/termination-proposals/${proposal.id}/override`,
      done: refresh,
      testid: 'override-termination',
    }),
  );
}

function proposeForm(ctx, grant, refresh) {
  const cause = select(
    OFFICE_TERMINATION_CAUSES.map((value) => [value, TERMINATION_CAUSE_LABELS[value]]),
    { value: OFFICE_TERMINATION_CAUSES[0] },
  );
  return h(
    'details',
    {},
    tx('summary', { zh: '按违约条款提出终止建议', en: 'Propose termination on a breach clause' }),
    reasonAction(ctx, {
      label: { zh: '提出建议', en: 'Propose' },
      placeholder: { zh: '如：审计发现挪用资助资金 8,000 元', en: 'e.g. an audit found ¥8,000 diverted' },
      path: `/grants/${grant.id}/termination-proposals`,
      fieldLabel: { zh: '事实与依据', en: 'Facts found' },
      name: 'detail',
      maxlength: 1000,
      extra: [field({ zh: '违约条款', en: 'Breach clause' }, cause, { path: 'cause' })],
      body: (text) => ({ cause: cause.value, detail: text }),
      done: refresh,
      testid: 'propose-termination',
    }),
  );
}

/** The grant page's card: the open proposal to decide, the decided ones, or a form to propose. */
export function terminationCard(ctx, grant, proposals, refresh) {
  const open = proposals.find((p) => p.state === 'open');
  const decided = proposals.filter((p) => p.state !== 'open');
  const running = grant.state === 'active' || grant.state === 'suspended';
  if (!open && decided.length === 0 && !running) return null;
  return card(
    {
      title: { zh: '终止建议', en: 'Termination proposals' },
      headingId: 'termination-heading',
      'data-testid': 'termination-card',
    },
    open ? openProposal(ctx, open, refresh) : running ? proposeForm(ctx, grant, refresh) : null,
    decided.map((proposal) =>
      h('div', { class: 'list-item', 'data-testid': 'decided-proposal' }, proposalFacts(proposal)),
    ),
  );
}

/** The grants tab's queue: every open proposal of the competition, each a link to its grant. */
export async function proposalsQueue(ctx, competition) {
  const { items } = await ctx.api(`/termination-proposals?state=open&competitionId=${competition.id}&pageSize=100`);
  return card(
    { title: { zh: '待决定的终止建议', en: 'Termination proposals to decide' }, headingId: 'proposals-heading' },
    items.length === 0
      ? tx('p', { zh: '没有待决定的终止建议。', en: 'No termination proposal waits.' }, { class: 'muted' })
      : h(
          'div',
          {},
          items.map((proposal) =>
            h(
              'div',
              { class: 'list-item', 'data-testid': 'proposal-to-decide' },
              h('a', { href: `#/grants/${proposal.grantId}`, class: 'mono' }, proposal.agreementNumber),
              h('span', {}, proposal.organizationName),
              tx('span', labelOf(TERMINATION_CAUSE_LABELS, proposal.cause)),
            ),
          ),
        ),
  );
}

import { DomainErrorCode } from '../domain-error-code';
import { TERMINATION_PROPOSAL_STATE_LABELS, TerminationProposalState } from '../supervision-vocabulary';
import { refusal } from './refusal';

export enum SupervisionRefusal {
  ProposalNotFound = 'TERMINATION_PROPOSAL_NOT_FOUND',
  ProposalDecided = 'TERMINATION_PROPOSAL_DECIDED',
}

/** 项目监管: the refusals of termination proposals and sanctions. */
export const SupervisionErrors = {
  proposalNotFound: () =>
    refusal(
      DomainErrorCode.NotFound,
      SupervisionRefusal.ProposalNotFound,
      { zh: '未找到该终止建议', en: 'termination proposal not found' },
      'id',
    ),

  proposalDecided: (state: TerminationProposalState) =>
    refusal(DomainErrorCode.Conflict, SupervisionRefusal.ProposalDecided, {
      zh: `该终止建议已处理（${TERMINATION_PROPOSAL_STATE_LABELS[state].zh}），不能再次决定`,
      en: `this termination proposal was already decided ("${TERMINATION_PROPOSAL_STATE_LABELS[state].en}")`,
    }),
};

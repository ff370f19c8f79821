import { AuditEvent } from './audit/audit-event.entity';
import { Competition } from './competition/competition.entity';
import { EvaluationProject } from './evaluation/evaluation-project.entity';
import { EvaluationRecusal } from './evaluation/evaluation-recusal.entity';
import { EvaluationResultRow } from './evaluation/evaluation-result.entity';
import { EvaluationRound } from './evaluation/evaluation-round.entity';
import { EvaluationSheet } from './evaluation/evaluation-sheet.entity';
import { Evaluator } from './evaluation/evaluator.entity';
import { NeedsWall } from './needs/needs-wall.entity';
import { Resident } from './needs/resident.entity';
import { ResidentNeed } from './needs/resident-need.entity';
import { NeedSupport } from './needs/need-support.entity';
import { NeedPhoto } from './needs/need-photo.entity';
import { NeedsList } from './needs/needs-list.entity';
import { ServiceOrder } from './needs/service-order.entity';
import { OrderOffer } from './needs/order-offer.entity';
import { OrderSubmission } from './needs/order-submission.entity';
import { PurchaseAgreement } from './needs/purchase-agreement.entity';
import { Vote } from './vote/vote.entity';
import { VoteCodeBatch } from './vote/vote-code-batch.entity';
import { VoteReview } from './vote/vote-review.entity';
import { VoteRound } from './vote/vote-round.entity';
import { Voter } from './vote/voter.entity';
import { Submission } from './competition/submission.entity';
import { BudgetChange } from './grants/budget-change.entity';
import { GrantBudget } from './grants/grant-budget.entity';
import { GrantRefund } from './grants/grant-refund.entity';
import { GrantReport } from './grants/grant-report.entity';
import { GrantTranche } from './grants/grant-tranche.entity';
import { ProjectGrant } from './grants/project-grant.entity';
import { ReportAttachment } from './grants/report-attachment.entity';
import { ApiKey } from './identity/api-key.entity';
import { AppUser } from './identity/app-user.entity';
import { Invitation } from './identity/invitation.entity';
import { Organization } from './identity/organization.entity';
import { Tenant } from './identity/tenant.entity';
import { Agreement } from './results/agreement.entity';
import { Objection } from './results/objection.entity';
import { OutboxMessage } from './results/outbox-message.entity';
import { Publication } from './results/publication.entity';
import { RankingRun } from './results/ranking-run.entity';
import { RunResult } from './results/run-result.entity';
import { Judge } from './roadshow/judge.entity';
import { JudgeSession } from './roadshow/judge-session.entity';
import { LiveEvent } from './roadshow/live-event.entity';
import { Recusal } from './roadshow/recusal.entity';
import { RoadshowSlot } from './roadshow/roadshow-slot.entity';
import { Roadshow } from './roadshow/roadshow.entity';
import { MonthlyCheck } from './supervision/monthly-check.entity';
import { ComponentValueLock } from './components/component-value-lock.entity';
import { ComponentValue } from './components/component-value.entity';
import { OrganizationSanction } from './supervision/organization-sanction.entity';
import { TerminationProposal } from './supervision/termination-proposal.entity';
import { ScoreRevision } from './roadshow/score-revision.entity';
import { Score } from './roadshow/score.entity';
import { Notification } from './notify/notification.entity';
import { WebhookDelivery } from './notify/webhook-delivery.entity';
import { WebhookEndpoint } from './notify/webhook-endpoint.entity';
import { WebhookEvent } from './notify/webhook-event.entity';

export const ENTITIES = [
  AuditEvent,
  Tenant,
  Invitation,
  Organization,
  AppUser,
  ApiKey,
  Competition,
  Submission,
  Roadshow,
  RoadshowSlot,
  Judge,
  JudgeSession,
  Recusal,
  Score,
  ScoreRevision,
  LiveEvent,
  RankingRun,
  RunResult,
  OutboxMessage,
  Publication,
  Objection,
  Agreement,
  ProjectGrant,
  GrantTranche,
  GrantBudget,
  BudgetChange,
  GrantReport,
  ReportAttachment,
  GrantRefund,
  EvaluationRound,
  EvaluationProject,
  Evaluator,
  EvaluationRecusal,
  EvaluationSheet,
  EvaluationResultRow,
  TerminationProposal,
  OrganizationSanction,
  MonthlyCheck,
  ComponentValue,
  ComponentValueLock,
  VoteRound,
  VoteCodeBatch,
  Voter,
  Vote,
  VoteReview,
  WebhookEndpoint,
  WebhookEvent,
  WebhookDelivery,
  Notification,
  NeedsWall,
  Resident,
  ResidentNeed,
  NeedSupport,
  NeedPhoto,
  NeedsList,
  ServiceOrder,
  OrderOffer,
  OrderSubmission,
  PurchaseAgreement,
];

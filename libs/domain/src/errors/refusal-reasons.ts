import { DomainErrorCode } from '../domain-error-code';
import { AdminRefusal } from './admin.errors';
import { AgreementRefusal } from './agreement.errors';
import { AuditRefusal } from './audit.errors';
import { AuthRefusal } from './auth.errors';
import { CompetitionRefusal } from './competition.errors';
import { ComponentRefusal } from './component.errors';
import { EvaluationRefusal } from './evaluation.errors';
import { GrantsRefusal } from './grants.errors';
import { HooksRefusal } from './hooks.errors';
import { NeedsRefusal } from './needs.errors';
import { OpsRefusal } from './ops.errors';
import { OrganizationRefusal } from './organization.errors';
import { PublicityRefusal } from './publicity.errors';
import { RankingRefusal } from './ranking.errors';
import { RegistrationRefusal } from './registration.errors';
import { RequestRefusal } from './request.errors';
import { RoadshowRefusal } from './roadshow.errors';
import { RulesRefusal } from './rules.errors';
import { SubmissionRefusal } from './submission.errors';
import { SupervisionRefusal } from './supervision.errors';
import { TenantRefusal } from './tenant.errors';
import { VoteRefusal } from './vote.errors';

/**
 * Every reason a refusal can give, for the API's documentation and its contract check: each
 * feature's reasons, and the kinds themselves (a refusal with nothing more specific to say gives
 * its kind). A feature that adds a reason enum lists it here. The scoring engine's codes, reasons
 * too, are added where the engine is imported.
 */
export const REFUSAL_REASONS: readonly string[] = [
  ...new Set<string>([
    ...Object.values(DomainErrorCode),
    ...Object.values(RequestRefusal),
    ...Object.values(AuthRefusal),
    ...Object.values(TenantRefusal),
    ...Object.values(OrganizationRefusal),
    ...Object.values(RegistrationRefusal),
    ...Object.values(CompetitionRefusal),
    ...Object.values(RulesRefusal),
    ...Object.values(SubmissionRefusal),
    ...Object.values(RoadshowRefusal),
    ...Object.values(RankingRefusal),
    ...Object.values(ComponentRefusal),
    ...Object.values(PublicityRefusal),
    ...Object.values(AgreementRefusal),
    ...Object.values(GrantsRefusal),
    ...Object.values(EvaluationRefusal),
    ...Object.values(SupervisionRefusal),
    ...Object.values(OpsRefusal),
    ...Object.values(AuditRefusal),
    ...Object.values(HooksRefusal),
    ...Object.values(VoteRefusal),
    ...Object.values(AdminRefusal),
    ...Object.values(NeedsRefusal),
  ]),
];

import { AuditLog1763798400000 } from './1763798400000-audit-log';
import { CompetitionModel1763884800000 } from './1763884800000-competition-model';
import { ResultsAndAgreements1763971200000 } from './1763971200000-results-and-agreements';
import { ScoreSubmitFunction1764057600000 } from './1764057600000-score-submit-function';
import { CredentialKeyIds1764144000000 } from './1764144000000-credential-key-ids';
import { LiveEventSequence1764230400000 } from './1764230400000-live-event-sequence';
import { GrantRules1764316800000 } from './1764316800000-grant-rules';
import { JudgeSessions1764360000000 } from './1764360000000-judge-sessions';
import { GrantsLedger1764403200000 } from './1764403200000-grants-ledger';
import { Evaluations1764489600000 } from './1764489600000-evaluations';
import { TerminationProposals1764576000000 } from './1764576000000-termination-proposals';
import { MonthlyChecks1764579600000 } from './1764579600000-monthly-checks';
import { EvaluatorCodes1764662400000 } from './1764662400000-evaluator-codes';
import { ComponentValues1764748800000 } from './1764748800000-component-values';
import { PublicVote1764752400000 } from './1764752400000-public-vote';
import { Tenants1764835200000 } from './1764835200000-tenants';
import { TenantIsolation1764838800000 } from './1764838800000-tenant-isolation';
import { AdminConsole1764842400000 } from './1764842400000-admin-console';
import { AuditChain1764846000000 } from './1764846000000-audit-chain';
import { WebhooksAndNotifications1764849600000 } from './1764849600000-webhooks-and-notifications';
import { Needs1764853200000 } from './1764853200000-needs';
import { OfficeTablesIsolation1764856800000 } from './1764856800000-office-tables-isolation';
import { DirectPurchaseGrants1764860400000 } from './1764860400000-direct-purchase-grants';
import { NeedsReview1764864000000 } from './1764864000000-needs-review';
import { TenantPoliciesOncePerStatement1764874800000 } from './1764874800000-tenant-policies-once-per-statement';

/** In order. Listed explicitly so the same list works from TypeScript sources and from the build. */
export const MIGRATIONS = [
  AuditLog1763798400000,
  CompetitionModel1763884800000,
  ResultsAndAgreements1763971200000,
  ScoreSubmitFunction1764057600000,
  CredentialKeyIds1764144000000,
  LiveEventSequence1764230400000,
  GrantRules1764316800000,
  JudgeSessions1764360000000,
  GrantsLedger1764403200000,
  Evaluations1764489600000,
  TerminationProposals1764576000000,
  MonthlyChecks1764579600000,
  EvaluatorCodes1764662400000,
  ComponentValues1764748800000,
  PublicVote1764752400000,
  Tenants1764835200000,
  TenantIsolation1764838800000,
  AdminConsole1764842400000,
  AuditChain1764846000000,
  WebhooksAndNotifications1764849600000,
  Needs1764853200000,
  OfficeTablesIsolation1764856800000,
  DirectPurchaseGrants1764860400000,
  NeedsReview1764864000000,
  TenantPoliciesOncePerStatement1764874800000,
];

import { PrimaryColumn } from 'typeorm';
import { InheritedTenantColumn } from '../columns';

/** The key of what one evaluator holds about one project: at most one such row each. */
export abstract class EvaluatorProject {
  @PrimaryColumn({ name: 'evaluator_id', type: 'uuid' })
  evaluatorId: string;

  @InheritedTenantColumn()
  tenantId?: string;

  @PrimaryColumn({ name: 'grant_id', type: 'uuid' })
  grantId: string;
}

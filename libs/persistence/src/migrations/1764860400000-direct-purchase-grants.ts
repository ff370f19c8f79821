import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropPolicies, policies } from './tenant-policies';

/**
 * 买单 of a direct purchase: a grant in the same ledger, from a picked service order instead of a
 * competition's signed agreement. A grant has exactly one source: a competition (its submission and
 * agreement) or a service order (its purchase agreement and the terms frozen when the office bought
 * it). The office of a grant comes from whichever parent it names: each trigger fills `tenant_id`
 * only while it is still empty, and a null parent link finds no row, so exactly one of them sets it.
 */
export class DirectPurchaseGrants1764860400000 implements MigrationInterface {
  name = 'DirectPurchaseGrants1764860400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE purchase_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        order_id uuid NOT NULL UNIQUE REFERENCES service_order (id),
        offer_id uuid NOT NULL REFERENCES order_offer (id),
        number text NOT NULL CHECK (number <> ''),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        pdf bytea NOT NULL,
        sha256 text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT purchase_agreement_number_uq UNIQUE (tenant_id, number)
      )`,
      `CREATE TRIGGER purchase_agreement_tenant BEFORE INSERT ON purchase_agreement
        FOR EACH ROW EXECUTE FUNCTION tenant_of_parent('service_order', 'order_id')`,
      `ALTER TABLE purchase_agreement ENABLE ROW LEVEL SECURITY`,
      ...policies('purchase_agreement'),
      `ALTER TABLE project_grant ALTER COLUMN competition_id DROP NOT NULL`,
      `ALTER TABLE project_grant ALTER COLUMN submission_id DROP NOT NULL`,
      `ALTER TABLE project_grant ALTER COLUMN agreement_id DROP NOT NULL`,
      `ALTER TABLE project_grant ADD COLUMN order_id uuid UNIQUE REFERENCES service_order (id)`,
      `ALTER TABLE project_grant ADD COLUMN purchase_agreement_id uuid UNIQUE REFERENCES purchase_agreement (id)`,
      `ALTER TABLE project_grant ADD COLUMN terms jsonb`,
      `ALTER TABLE project_grant ADD CONSTRAINT project_grant_one_source CHECK (
        (competition_id IS NOT NULL AND submission_id IS NOT NULL AND agreement_id IS NOT NULL
          AND order_id IS NULL AND purchase_agreement_id IS NULL AND terms IS NULL)
        OR (competition_id IS NULL AND submission_id IS NULL AND agreement_id IS NULL
          AND order_id IS NOT NULL AND purchase_agreement_id IS NOT NULL AND terms IS NOT NULL))`,
      `CREATE TRIGGER project_grant_order_tenant BEFORE INSERT ON project_grant
        FOR EACH ROW EXECUTE FUNCTION tenant_of_parent('service_order', 'order_id')`,
      // 满意度: the criterion an office chose, when opening a round, to show residents' ratings beside.
      `ALTER TABLE evaluation_round ADD COLUMN resident_satisfaction_criterion text`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  /** Refuses (the NOT NULLs fail) while a direct purchase's grant exists: going back would drop ledger rows. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE evaluation_round DROP COLUMN resident_satisfaction_criterion`,
      `DROP TRIGGER project_grant_order_tenant ON project_grant`,
      `ALTER TABLE project_grant DROP CONSTRAINT project_grant_one_source`,
      `ALTER TABLE project_grant DROP COLUMN terms`,
      `ALTER TABLE project_grant DROP COLUMN purchase_agreement_id`,
      `ALTER TABLE project_grant DROP COLUMN order_id`,
      `ALTER TABLE project_grant ALTER COLUMN agreement_id SET NOT NULL`,
      `ALTER TABLE project_grant ALTER COLUMN submission_id SET NOT NULL`,
      `ALTER TABLE project_grant ALTER COLUMN competition_id SET NOT NULL`,
      ...dropPolicies('purchase_agreement'),
      `DROP TABLE purchase_agreement`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

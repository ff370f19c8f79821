import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The grants ledger (资助管理): a grant per accepted signed agreement, its tranches, budget versions
 * and change requests, the grantee's reports and their attachments, and refunds. CHECK constraints
 * repeat the states and the money rules, so no path into the database can pay a tranche twice,
 * pay it on the approver's own signature, reuse a voucher or store a negative amount. Agreements
 * gain the project period they print, which the ledger's report schedule runs on; agreements
 * rendered before are given the period their PDF was drawn with.
 */
export class GrantsLedger1764403200000 implements MigrationInterface {
  name = 'GrantsLedger1764403200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE agreement ADD COLUMN period_start date, ADD COLUMN period_end date`,
      `UPDATE agreement a SET period_start = p.start,
              period_end = CASE WHEN p.last_due > p.start THEN p.last_due
                                ELSE (p.start + interval '1 year' - interval '1 day')::date END
         FROM (SELECT g.id, (g.created_at AT TIME ZONE 'Asia/Shanghai')::date AS start,
                      (SELECT max((m ->> 'due')::date) FROM jsonb_array_elements(s.milestones) m) AS last_due
                 FROM agreement g JOIN submission s ON s.id = g.submission_id) p
        WHERE p.id = a.id`,
      `ALTER TABLE agreement ALTER COLUMN period_start SET NOT NULL, ALTER COLUMN period_end SET NOT NULL,
         ADD CONSTRAINT agreement_period_check CHECK (period_end >= period_start)`,
      `CREATE TABLE project_grant (
        id uuid PRIMARY KEY,
        competition_id uuid NOT NULL REFERENCES competition (id),
        submission_id uuid NOT NULL UNIQUE REFERENCES submission (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        agreement_id uuid NOT NULL UNIQUE REFERENCES agreement (id),
        agreement_number text NOT NULL,
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        matching_fen bigint NOT NULL CHECK (matching_fen >= 0),
        party_a jsonb NOT NULL,
        party_b jsonb NOT NULL,
        payee jsonb,
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end >= period_start),
        state text NOT NULL CHECK (state IN ('active', 'suspended', 'completed', 'terminated')),
        state_reason text,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX project_grant_competition_idx ON project_grant (competition_id, agreement_number)`,
      `CREATE INDEX project_grant_organization_idx ON project_grant (organization_id)`,
      `CREATE TABLE grant_tranche (
        id uuid PRIMARY KEY,
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        sequence integer NOT NULL CHECK (sequence > 0),
        label_zh text NOT NULL,
        label_en text NOT NULL,
        percent integer NOT NULL CHECK (percent BETWEEN 1 AND 100),
        amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
        condition jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('planned', 'eligible', 'approved', 'paid', 'withheld', 'cancelled')),
        condition_met_at timestamptz,
        condition_evidence jsonb,
        approved_by uuid REFERENCES app_user (id),
        approved_at timestamptz,
        payee jsonb,
        voucher_number text CHECK (voucher_number <> ''),
        paid_on date,
        paid_by uuid REFERENCES app_user (id),
        paid_at timestamptz,
        closed_reason text,
        closed_by uuid REFERENCES app_user (id),
        closed_at timestamptz,
        CONSTRAINT grant_tranche_sequence_uq UNIQUE (grant_id, sequence),
        CHECK (state IN ('planned', 'withheld', 'cancelled') OR condition_met_at IS NOT NULL),
        CHECK (state NOT IN ('approved', 'paid') OR (approved_by IS NOT NULL AND approved_at IS NOT NULL AND payee IS NOT NULL)),
        CHECK ((state = 'paid') = (voucher_number IS NOT NULL AND paid_on IS NOT NULL AND paid_by IS NOT NULL AND paid_at IS NOT NULL)),
        CONSTRAINT grant_tranche_two_signatures CHECK (paid_by IS NULL OR paid_by <> approved_by),
        CHECK ((state IN ('withheld', 'cancelled')) = (closed_at IS NOT NULL))
      )`,
      // One deployment serves one office, so a voucher number is unique across the deployment.
      `CREATE UNIQUE INDEX grant_tranche_voucher_uq ON grant_tranche (lower(voucher_number)) WHERE voucher_number IS NOT NULL`,
      `CREATE INDEX grant_tranche_queue_idx ON grant_tranche (state, grant_id)`,
      `CREATE TABLE budget_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        base_version integer NOT NULL CHECK (base_version > 0),
        lines jsonb NOT NULL,
        reason text NOT NULL CHECK (reason <> ''),
        state text NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
        requested_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        decision_reason text,
        CHECK ((state = 'pending') = (decided_at IS NULL)),
        CHECK (state <> 'refused' OR decision_reason <> '')
      )`,
      `CREATE UNIQUE INDEX budget_change_pending_uq ON budget_change (grant_id) WHERE state = 'pending'`,
      `CREATE TABLE grant_budget (
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        version integer NOT NULL CHECK (version > 0),
        lines jsonb NOT NULL,
        reason text NOT NULL,
        change_id uuid REFERENCES budget_change (id),
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (grant_id, version)
      )`,
      `CREATE TABLE grant_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        kind text NOT NULL CHECK (kind IN ('monthly', 'mid-term', 'final')),
        period text NOT NULL,
        due_on date NOT NULL,
        state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'accepted')),
        narrative text NOT NULL,
        activities jsonb NOT NULL,
        spending jsonb NOT NULL,
        review_log jsonb NOT NULL,
        first_submitted_at timestamptz,
        submitted_at timestamptz,
        reviewed_by uuid REFERENCES app_user (id),
        reviewed_at timestamptz,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        CONSTRAINT grant_report_period_uq UNIQUE (grant_id, kind, period),
        CHECK ((kind = 'monthly') = (period <> '')),
        CHECK (state = 'draft' OR first_submitted_at IS NOT NULL)
      )`,
      `CREATE INDEX grant_report_review_idx ON grant_report (state, submitted_at)`,
      `CREATE TABLE report_attachment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES grant_report (id),
        filename text NOT NULL,
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL,
        bytes bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX report_attachment_report_idx ON report_attachment (report_id, created_at)`,
      `CREATE TABLE grant_refund (
        id uuid PRIMARY KEY,
        grant_id uuid NOT NULL UNIQUE REFERENCES project_grant (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        basis text NOT NULL CHECK (basis IN ('unspent', 'breach')),
        state text NOT NULL CHECK (state IN ('open', 'returned')),
        opened_at timestamptz NOT NULL,
        due_on date NOT NULL,
        returned_on date,
        voucher_number text,
        recorded_by uuid REFERENCES app_user (id),
        recorded_at timestamptz,
        CHECK ((state = 'returned') = (returned_on IS NOT NULL AND voucher_number IS NOT NULL))
      )`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'grant_refund',
      'report_attachment',
      'grant_report',
      'grant_budget',
      'budget_change',
      'grant_tranche',
      'project_grant',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE agreement DROP CONSTRAINT agreement_period_check`);
    await queryRunner.query(`ALTER TABLE agreement DROP COLUMN period_start, DROP COLUMN period_end`);
  }
}

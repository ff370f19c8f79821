import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Termination proposals (终止建议) and sanctions (限制申报). A grant has at most one open proposal,
 * which the unique partial index keeps even against two rules proposing at once. A sanction names
 * the grant whose breach caused it and ends after the rules' years. The rules gain the supervision
 * terms; rules stored before get the usual three-year sanction, a backfill of what the agreements
 * already printed, so the rules version stays as it is.
 */
export class TerminationProposals1764576000000 implements MigrationInterface {
  name = 'TerminationProposals1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE organization_sanction (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        cause text NOT NULL CHECK (cause IN ('monthly-checks', 'failed-evaluation', 'false-claims', 'diversion',
          'unapproved-changes', 'failed-remediation', 'agreement-breach')),
        reason text NOT NULL CHECK (reason <> ''),
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on > starts_on),
        recorded_by uuid NOT NULL REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX organization_sanction_organization_idx ON organization_sanction (organization_id, ends_on)`,
      `CREATE TABLE termination_proposal (
        id uuid PRIMARY KEY,
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        cause text NOT NULL CHECK (cause IN ('monthly-checks', 'failed-evaluation', 'false-claims', 'diversion',
          'unapproved-changes', 'failed-remediation', 'agreement-breach')),
        detail text NOT NULL CHECK (detail <> ''),
        state text NOT NULL CHECK (state IN ('open', 'confirmed', 'overridden')),
        proposed_by uuid REFERENCES app_user (id),
        proposed_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid REFERENCES app_user (id),
        decided_at timestamptz,
        decision_reason text,
        sanction_id uuid REFERENCES organization_sanction (id),
        CHECK ((state = 'open') = (decided_at IS NULL)),
        CHECK (state = 'open' OR (decided_by IS NOT NULL AND decision_reason IS NOT NULL)),
        CHECK ((state = 'confirmed') = (sanction_id IS NOT NULL))
      )`,
      `CREATE UNIQUE INDEX termination_proposal_open_uq ON termination_proposal (grant_id) WHERE state = 'open'`,
      `CREATE INDEX termination_proposal_state_idx ON termination_proposal (state, proposed_at)`,
      `UPDATE competition SET rules = rules || '{"supervision": {"sanctionYears": 3}}'::jsonb
        WHERE NOT rules ? 'supervision'`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE competition SET rules = rules - 'supervision'`);
    await queryRunner.query(`DROP TABLE termination_proposal`);
    await queryRunner.query(`DROP TABLE organization_sanction`);
  }
}

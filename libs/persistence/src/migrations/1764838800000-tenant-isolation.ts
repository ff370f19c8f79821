import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from '@app/config';
import { dropPolicies, policies } from './tenant-policies';

/**
 * Every row under a competition names its office (tenant_id), and Postgres itself hides the rows of
 * offices the connection does not act for, so a query that forgets to filter returns nothing of
 * another office instead of leaking it. Order matters: a child is listed after its parent, whose
 * tenant it copies (backfill here, and on insert by the trigger).
 */
const OWNED: readonly { readonly table: string; readonly parent: string; readonly via: string }[] = [
  { table: 'submission', parent: 'competition', via: 'competition_id' },
  { table: 'roadshow', parent: 'competition', via: 'competition_id' },
  { table: 'roadshow_slot', parent: 'roadshow', via: 'roadshow_id' },
  { table: 'roadshow_event_sequence', parent: 'roadshow', via: 'roadshow_id' },
  { table: 'live_event', parent: 'roadshow', via: 'roadshow_id' },
  { table: 'judge', parent: 'roadshow', via: 'roadshow_id' },
  { table: 'judge_session', parent: 'judge', via: 'judge_id' },
  { table: 'recusal', parent: 'judge', via: 'judge_id' },
  { table: 'score', parent: 'judge', via: 'judge_id' },
  { table: 'score_revision', parent: 'score', via: 'score_id' },
  { table: 'ranking_run', parent: 'competition', via: 'competition_id' },
  { table: 'run_result', parent: 'ranking_run', via: 'run_id' },
  { table: 'publication', parent: 'competition', via: 'competition_id' },
  { table: 'objection', parent: 'publication', via: 'publication_id' },
  { table: 'agreement', parent: 'competition', via: 'competition_id' },
  { table: 'project_grant', parent: 'competition', via: 'competition_id' },
  { table: 'grant_tranche', parent: 'project_grant', via: 'grant_id' },
  { table: 'budget_change', parent: 'project_grant', via: 'grant_id' },
  { table: 'grant_budget', parent: 'project_grant', via: 'grant_id' },
  { table: 'grant_report', parent: 'project_grant', via: 'grant_id' },
  { table: 'report_attachment', parent: 'grant_report', via: 'report_id' },
  { table: 'grant_refund', parent: 'project_grant', via: 'grant_id' },
  { table: 'termination_proposal', parent: 'project_grant', via: 'grant_id' },
  { table: 'monthly_check', parent: 'project_grant', via: 'grant_id' },
  { table: 'evaluation_round', parent: 'competition', via: 'competition_id' },
  { table: 'evaluation_project', parent: 'evaluation_round', via: 'round_id' },
  { table: 'evaluation_result', parent: 'evaluation_round', via: 'round_id' },
  { table: 'evaluator', parent: 'evaluation_round', via: 'round_id' },
  { table: 'evaluation_recusal', parent: 'evaluator', via: 'evaluator_id' },
  { table: 'evaluation_sheet', parent: 'evaluator', via: 'evaluator_id' },
  { table: 'component_values', parent: 'competition', via: 'competition_id' },
  { table: 'component_value_lock', parent: 'competition', via: 'competition_id' },
  { table: 'vote_round', parent: 'competition', via: 'competition_id' },
  { table: 'vote_code_batch', parent: 'vote_round', via: 'round_id' },
  { table: 'voter', parent: 'vote_round', via: 'round_id' },
  { table: 'vote', parent: 'vote_round', via: 'round_id' },
  { table: 'vote_review', parent: 'vote_round', via: 'round_id' },
];

/** Tables whose append-only triggers refuse the backfill's UPDATE; paused for it only. */
const APPEND_ONLY: Readonly<Record<string, string>> = {
  vote: 'vote_no_update_delete',
  vote_review: 'vote_review_no_update_delete',
};

export class TenantIsolation1764838800000 implements MigrationInterface {
  name = 'TenantIsolation1764838800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // Whoever runs the API and the worker logs in as (or is granted) this role: not the tables'
      // owner and without BYPASSRLS, so the policies below bind it. The owner runs the migrations.
      `DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
          CREATE ROLE ${APPLICATION_ROLE} NOLOGIN NOBYPASSRLS;
        END IF;
      END $$`,
      // Inserts keep naming only the parent (the score post, the vote insert, every repository):
      // the row takes its parent's office here, one primary-key read of a row the insert just
      // checked through its foreign key anyway.
      `CREATE FUNCTION tenant_of_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.tenant_id IS NULL THEN
          EXECUTE format('SELECT tenant_id FROM %I WHERE id = $1', TG_ARGV[0])
            INTO NEW.tenant_id USING (to_jsonb(NEW) ->> TG_ARGV[1])::uuid;
        END IF;
        RETURN NEW;
      END
      $$`,
      `ALTER TABLE competition ALTER COLUMN tenant_id DROP DEFAULT`,
      `ALTER TABLE competition ENABLE ROW LEVEL SECURITY`,
      ...policies('competition'),
    ];
    for (const { table, parent, via } of OWNED) {
      const guard = APPEND_ONLY[table];
      statements.push(
        `ALTER TABLE ${table} ADD COLUMN tenant_id uuid REFERENCES tenant (id)`,
        ...(guard ? [`ALTER TABLE ${table} DISABLE TRIGGER ${guard}`] : []),
        `UPDATE ${table} c SET tenant_id = p.tenant_id FROM ${parent} p WHERE p.id = c.${via}`,
        ...(guard ? [`ALTER TABLE ${table} ENABLE TRIGGER ${guard}`] : []),
        `ALTER TABLE ${table} ALTER COLUMN tenant_id SET NOT NULL`,
        `CREATE TRIGGER ${table}_tenant BEFORE INSERT ON ${table}
          FOR EACH ROW EXECUTE FUNCTION tenant_of_parent('${parent}', '${via}')`,
        `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
        ...policies(table),
      );
    }
    statements.push(
      `GRANT USAGE ON SCHEMA public TO ${APPLICATION_ROLE}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APPLICATION_ROLE}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APPLICATION_ROLE}`,
      // The audit log and the migrations' own record are the owner's to change, never the application's.
      `REVOKE UPDATE, DELETE ON audit_event FROM ${APPLICATION_ROLE}`,
      `REVOKE INSERT, UPDATE, DELETE ON schema_migration FROM ${APPLICATION_ROLE}`,
      // Tables and sequences later migrations create are the application's to use as well.
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APPLICATION_ROLE}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APPLICATION_ROLE}`,
    );
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${APPLICATION_ROLE}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APPLICATION_ROLE}`,
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${APPLICATION_ROLE}`,
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${APPLICATION_ROLE}`,
      `REVOKE USAGE ON SCHEMA public FROM ${APPLICATION_ROLE}`,
    ];
    for (const { table } of [...OWNED].reverse()) {
      statements.push(...dropPolicies(table), `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
      statements.push(`DROP TRIGGER ${table}_tenant ON ${table}`, `ALTER TABLE ${table} DROP COLUMN tenant_id`);
    }
    statements.push(
      ...dropPolicies('competition'),
      `ALTER TABLE competition DISABLE ROW LEVEL SECURITY`,
      `ALTER TABLE competition ALTER COLUMN tenant_id SET DEFAULT '00000000-0000-4000-8000-000000000001'`,
      `DROP FUNCTION tenant_of_parent()`,
    );
    for (const statement of statements) await queryRunner.query(statement);
  }
}

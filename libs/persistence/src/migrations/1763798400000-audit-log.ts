import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1763798400000 implements MigrationInterface {
  name = 'AuditLog1763798400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_type text NOT NULL
          CHECK (actor_type IN ('office', 'applicant', 'judge', 'admin', 'api-client', 'system')),
        actor_id text,
        action text NOT NULL CHECK (action <> ''),
        subject_type text NOT NULL CHECK (subject_type <> ''),
        subject_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text
      )`);
    await queryRunner.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, id)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}

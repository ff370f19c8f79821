import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluators sign in on a tablet with a one-time code, as judges do: only its keyed digest is
 * stored, with the id of the credential key that made it. code_issued_at names the code a session
 * came from, so a reissued code ends every session of the old one. Evaluators seated before have
 * no code until the office issues one. Their sheets and recusals are audited under their own
 * actor type; going down keeps those rows (the audit log is append-only) and refuses new ones.
 */
export class EvaluatorCodes1764662400000 implements MigrationInterface {
  name = 'EvaluatorCodes1764662400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE evaluator
         ADD COLUMN code_digest text UNIQUE,
         ADD COLUMN digest_key_id text,
         ADD COLUMN code_issued_at timestamptz,
         ADD CONSTRAINT evaluator_code_complete CHECK (
           (code_digest IS NULL) = (digest_key_id IS NULL) AND (code_digest IS NULL) = (code_issued_at IS NULL))`,
      `ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_type_check`,
      `ALTER TABLE audit_event ADD CONSTRAINT audit_event_actor_type_check
         CHECK (actor_type IN ('office', 'applicant', 'judge', 'evaluator', 'admin', 'api-client', 'system'))`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_type_check`,
      `ALTER TABLE audit_event ADD CONSTRAINT audit_event_actor_type_check
         CHECK (actor_type IN ('office', 'applicant', 'judge', 'admin', 'api-client', 'system')) NOT VALID`,
      `ALTER TABLE evaluator DROP CONSTRAINT evaluator_code_complete,
         DROP COLUMN code_issued_at, DROP COLUMN digest_key_id, DROP COLUMN code_digest`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

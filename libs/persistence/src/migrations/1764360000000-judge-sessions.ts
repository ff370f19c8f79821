import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A row per judge sign-in, so the office sees which tablets are online and a reissued code or a
 * removed judge ends the tablets signed in with it; and when each judge's current code was made.
 * A judge's sessions go with the judge: a judge may only be removed before scoring anything.
 */
export class JudgeSessions1764360000000 implements MigrationInterface {
  name = 'JudgeSessions1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE judge_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        judge_id uuid NOT NULL REFERENCES judge (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        CHECK (ended_at IS NULL OR ended_at >= created_at)
      )`,
      `CREATE INDEX judge_session_judge_idx ON judge_session (judge_id)`,
      `ALTER TABLE judge ADD COLUMN code_issued_at timestamptz`,
      `UPDATE judge SET code_issued_at = created_at`,
      `ALTER TABLE judge ALTER COLUMN code_issued_at SET NOT NULL`,
      `ALTER TABLE judge ALTER COLUMN code_issued_at SET DEFAULT now()`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE judge DROP COLUMN code_issued_at`);
    await queryRunner.query(`DROP TABLE judge_session`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Monthly checks (月度考核): one row per revision of a grant's month, the highest the month's score.
 * The supervision terms gain the monthly checklist and the eligibility rules. Rules stored before
 * had neither: their grants get no monthly checks, and only the sanction bars an organization from
 * their next rounds (what a breach always meant), so the rules version stays as it is.
 */
export class MonthlyChecks1764579600000 implements MigrationInterface {
  name = 'MonthlyChecks1764579600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE monthly_check (
        id uuid PRIMARY KEY,
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        revision integer NOT NULL CHECK (revision > 0),
        score numeric(3, 1) NOT NULL CHECK (score BETWEEN 0 AND 10),
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        note text NOT NULL CHECK (note <> ''),
        checked_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT monthly_check_revision_uq UNIQUE (grant_id, month, revision)
      )`,
      `UPDATE competition SET rules = jsonb_set(rules, '{supervision}', (rules -> 'supervision') || '{
        "monthlyChecks": null,
        "eligibility": {"noActiveSanction": true, "noOverdueReport": false, "maxActiveGrants": null, "noFailedEvaluationInLast": null}
      }'::jsonb)
      WHERE rules ? 'supervision' AND NOT rules -> 'supervision' ? 'eligibility'`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE competition SET rules = jsonb_set(rules, '{supervision}', (rules -> 'supervision') - 'monthlyChecks' - 'eligibility')
        WHERE rules ? 'supervision'`,
    );
    await queryRunner.query(`DROP TABLE monthly_check`);
  }
}

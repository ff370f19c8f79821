import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Score components (评分构成): the values of a competition's input and vote components, one row per
 * project and component, exact decimal text ("36.5", or "200/3" for a vote share that repeats), and
 * the lock that freezes a component's values before a ranking run. Rules stored before have no
 * components and need no change. A run records the result bundle version it computed: runs that
 * succeeded before are version 1 (no components, no affiliation bias), so their bundles still verify.
 */
export class ComponentValues1764748800000 implements MigrationInterface {
  name = 'ComponentValues1764748800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE component_values (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competition (id),
        component_key text NOT NULL CHECK (component_key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
        submission_id uuid NOT NULL REFERENCES submission (id),
        value text NOT NULL CHECK (value ~ '^[0-9]{1,9}(\\.[0-9]{1,12})?$' OR value ~ '^[0-9]{1,40}/[1-9][0-9]{0,39}$'),
        source text NOT NULL CHECK (source IN ('input', 'vote')),
        created_by uuid REFERENCES app_user (id),
        updated_by uuid REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT component_values_project_uq UNIQUE (competition_id, component_key, submission_id)
      )`,
      `CREATE TABLE component_value_lock (
        competition_id uuid NOT NULL REFERENCES competition (id),
        component_key text NOT NULL,
        locked_by uuid REFERENCES app_user (id),
        locked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (competition_id, component_key)
      )`,
      `ALTER TABLE ranking_run ADD COLUMN bundle_version integer CHECK (bundle_version IN (1, 2))`,
      `UPDATE ranking_run SET bundle_version = 1 WHERE status = 'succeeded'`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ranking_run DROP COLUMN bundle_version`);
    await queryRunner.query(`DROP TABLE component_value_lock`);
    await queryRunner.query(`DROP TABLE component_values`);
  }
}

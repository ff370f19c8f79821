import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evaluations after the award (中期评估, 结项评估, 整改后复评): a round per competition and stage with
 * the evaluation rules it was opened under, the grants it evaluates, its panel in four groups, the
 * panel's recusals and score sheets, and each project's result with what it led to. At most one
 * open round per competition and stage; a closed round's results are final.
 */
export class Evaluations1764489600000 implements MigrationInterface {
  name = 'Evaluations1764489600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE evaluation_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competition (id),
        stage text NOT NULL CHECK (stage IN ('mid', 'final', 're-evaluation')),
        state text NOT NULL CHECK (state IN ('open', 'closed')),
        rules_version integer NOT NULL CHECK (rules_version >= 1),
        rules jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closed_on date,
        input_hash text,
        bundle jsonb,
        CHECK ((state = 'open') = (closed_at IS NULL)),
        CHECK ((state = 'open') = (bundle IS NULL))
      )`,
      `CREATE UNIQUE INDEX evaluation_round_open_idx ON evaluation_round (competition_id, stage) WHERE state = 'open'`,
      `CREATE TABLE evaluation_project (
        round_id uuid NOT NULL REFERENCES evaluation_round (id),
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        for_stage text NOT NULL CHECK (for_stage IN ('mid', 'final')),
        PRIMARY KEY (round_id, grant_id)
      )`,
      `CREATE TABLE evaluator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES evaluation_round (id),
        seat integer NOT NULL CHECK (seat >= 1),
        name text NOT NULL CHECK (name <> ''),
        evaluator_group text NOT NULL CHECK (evaluator_group IN ('expert', 'department', 'media', 'resident')),
        organization_id uuid REFERENCES organization (id),
        community text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, seat)
      )`,
      `CREATE TABLE evaluation_recusal (
        evaluator_id uuid NOT NULL REFERENCES evaluator (id),
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        source text NOT NULL CHECK (source IN ('declared', 'office', 'automatic')),
        reason text NOT NULL CHECK (reason <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (evaluator_id, grant_id)
      )`,
      `CREATE TABLE evaluation_sheet (
        evaluator_id uuid NOT NULL REFERENCES evaluator (id),
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        marks jsonb NOT NULL,
        gates jsonb NOT NULL,
        total text NOT NULL,
        entered_by text NOT NULL,
        revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (evaluator_id, grant_id)
      )`,
      `CREATE TABLE evaluation_result (
        round_id uuid NOT NULL REFERENCES evaluation_round (id),
        grant_id uuid NOT NULL REFERENCES project_grant (id),
        for_stage text NOT NULL CHECK (for_stage IN ('mid', 'final')),
        score text NOT NULL,
        band text NOT NULL,
        passed boolean NOT NULL,
        stars integer CHECK (stars BETWEEN 1 AND 5),
        outcome text NOT NULL CHECK (outcome IN ('passed', 'remediation', 'termination-proposed')),
        remediation_due_on date,
        explanation jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (round_id, grant_id),
        CHECK (passed = (outcome = 'passed')),
        CHECK ((outcome = 'remediation') = (remediation_due_on IS NOT NULL))
      )`,
      `CREATE INDEX evaluation_result_grant_idx ON evaluation_result (grant_id, created_at)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'evaluation_result',
      'evaluation_sheet',
      'evaluation_recusal',
      'evaluator',
      'evaluation_project',
      'evaluation_round',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}

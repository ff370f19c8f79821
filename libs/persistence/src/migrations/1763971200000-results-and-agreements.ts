import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ranking runs and their results, the outbox, the notice period and objections, agreements. */
export class ResultsAndAgreements1763971200000 implements MigrationInterface {
  name = 'ResultsAndAgreements1763971200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE ranking_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competition (id),
        status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        trigger text NOT NULL CHECK (trigger IN ('office', 'objection')),
        requested_by text NOT NULL,
        rules_version integer,
        input_hash text,
        inputs jsonb,
        statistics jsonb,
        total_fen bigint CHECK (total_fen >= 0),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        error_code text,
        error_message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        CHECK ((status = 'succeeded') = (input_hash IS NOT NULL AND finished_at IS NOT NULL AND error_code IS NULL))
      )`,
      `CREATE INDEX ranking_run_competition_idx ON ranking_run (competition_id, created_at)`,
      `CREATE TABLE run_result (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL REFERENCES ranking_run (id),
        submission_id uuid NOT NULL REFERENCES submission (id),
        position integer NOT NULL CHECK (position > 0),
        display_rank integer NOT NULL CHECK (display_rank > 0),
        score text NOT NULL,
        breakdown jsonb NOT NULL,
        decided_by jsonb NOT NULL,
        grant_fen bigint NOT NULL CHECK (grant_fen >= 0),
        status text NOT NULL CHECK (status IN ('funded', 'partly-funded', 'not-funded')),
        reason text NOT NULL,
        CONSTRAINT run_result_run_submission_uq UNIQUE (run_id, submission_id),
        CONSTRAINT run_result_run_position_uq UNIQUE (run_id, position),
        CHECK ((status = 'not-funded') = (grant_fen = 0))
      )`,
      `CREATE TABLE outbox_message (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue_prefix text NOT NULL,
        queue_name text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL UNIQUE,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`,
      `CREATE INDEX outbox_message_pending_idx ON outbox_message (queue_prefix, id) WHERE dispatched_at IS NULL`,
      `CREATE TABLE publication (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competition (id),
        run_id uuid NOT NULL REFERENCES ranking_run (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        published_by text NOT NULL,
        superseded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at)
      )`,
      `CREATE UNIQUE INDEX publication_current_uq ON publication (competition_id) WHERE superseded_at IS NULL`,
      `CREATE TABLE objection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        publication_id uuid NOT NULL REFERENCES publication (id),
        submission_id uuid NOT NULL REFERENCES submission (id),
        filed_by uuid NOT NULL REFERENCES app_user (id),
        reason text NOT NULL CHECK (reason <> ''),
        status text NOT NULL CHECK (status IN ('open', 'upheld', 'rejected')),
        answer text,
        answered_by uuid REFERENCES app_user (id),
        answered_at timestamptz,
        new_run_id uuid REFERENCES ranking_run (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'open') = (answered_at IS NULL))
      )`,
      `CREATE TABLE agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competition (id),
        submission_id uuid NOT NULL REFERENCES submission (id),
        run_id uuid NOT NULL REFERENCES ranking_run (id),
        sequence integer NOT NULL CHECK (sequence > 0),
        number text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        status text NOT NULL CHECK (status IN ('generated', 'downloaded', 'signed', 'void')),
        locale text NOT NULL CHECK (locale IN ('zh', 'en')),
        grant_fen bigint NOT NULL CHECK (grant_fen > 0),
        pdf bytea NOT NULL,
        sha256 text NOT NULL,
        size_bytes integer NOT NULL,
        signed_scan bytea,
        signed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agreement_number_version_uq UNIQUE (competition_id, sequence, version, locale)
      )`,
      `CREATE UNIQUE INDEX agreement_current_uq ON agreement (competition_id, submission_id, locale) WHERE status <> 'void'`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agreement', 'objection', 'publication', 'outbox_message', 'run_result', 'ranking_run']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}

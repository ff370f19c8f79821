import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations, users, competitions, submissions, roadshows, judges, recusals, scores and live
 * events. CHECK constraints repeat the enums so a bad value cannot enter by any path.
 */
export class CompetitionModel1763884800000 implements MigrationInterface {
  name = 'CompetitionModel1763884800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('community', 'social-organization', 'volunteer-team', 'party-branch')),
        name text NOT NULL CHECK (name <> ''),
        community text NOT NULL,
        district text NOT NULL,
        contact_name text NOT NULL,
        contact_phone text NOT NULL,
        credit_code text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role text NOT NULL CHECK (role IN ('office', 'applicant', 'admin')),
        login text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        organization_id uuid REFERENCES organization (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'applicant') = (organization_id IS NOT NULL))
      )`,
      `CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id),
        name text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`,
      `CREATE TABLE competition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (title <> ''),
        state text NOT NULL CHECK (state IN ('draft', 'open', 'closed', 'screening', 'roadshow', 'scoring-closed',
          'ranked', 'allocated', 'publicity', 'awarded', 'in-progress', 'finished')),
        pool_fen bigint NOT NULL CHECK (pool_fen > 0),
        rules jsonb NOT NULL,
        rules_version integer NOT NULL DEFAULT 1,
        rules_frozen_at timestamptz,
        grantor jsonb NOT NULL,
        submission_deadline timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL
      )`,
      `CREATE TABLE submission (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competition (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        title text NOT NULL CHECK (title <> ''),
        category text NOT NULL,
        summary text NOT NULL,
        need_addressed text NOT NULL,
        beneficiaries jsonb NOT NULL,
        targets jsonb NOT NULL,
        requested_fen bigint NOT NULL CHECK (requested_fen > 0),
        matching_fen bigint NOT NULL CHECK (matching_fen >= 0),
        budget_total_fen bigint NOT NULL CHECK (budget_total_fen = requested_fen + matching_fen),
        budget_lines jsonb NOT NULL,
        milestones jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('draft', 'submitted', 'withdrawn')),
        submitted_at timestamptz,
        screening text NOT NULL CHECK (screening IN ('pending', 'passed', 'rejected')),
        screening_reason text,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL
      )`,
      `CREATE INDEX submission_competition_idx ON submission (competition_id, state)`,
      `CREATE INDEX submission_organization_idx ON submission (organization_id)`,
      `CREATE TABLE roadshow (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL UNIQUE REFERENCES competition (id),
        venue text NOT NULL,
        order_seed text,
        order_drawn_at timestamptz,
        current_slot_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE roadshow_slot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadshow_id uuid NOT NULL REFERENCES roadshow (id),
        submission_id uuid NOT NULL REFERENCES submission (id),
        position integer NOT NULL CHECK (position > 0),
        state text NOT NULL CHECK (state IN ('waiting', 'presenting', 'scoring', 'locked')),
        pitch_started_at timestamptz,
        pitch_seconds integer NOT NULL CHECK (pitch_seconds > 0),
        locked_at timestamptz,
        announced_score text,
        announced_breakdown jsonb,
        rules_version integer,
        CONSTRAINT roadshow_slot_position_uq UNIQUE (roadshow_id, position),
        CONSTRAINT roadshow_slot_submission_uq UNIQUE (roadshow_id, submission_id),
        CHECK ((state = 'locked') = (locked_at IS NOT NULL))
      )`,
      `ALTER TABLE roadshow ADD CONSTRAINT roadshow_current_slot_fk FOREIGN KEY (current_slot_id) REFERENCES roadshow_slot (id)`,
      `CREATE TABLE judge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        roadshow_id uuid NOT NULL REFERENCES roadshow (id),
        name text NOT NULL CHECK (name <> ''),
        judge_group text NOT NULL CHECK (judge_group IN ('expert', 'department', 'media', 'resident')),
        weight text NOT NULL,
        organization_id uuid REFERENCES organization (id),
        community text,
        code_digest text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX judge_roadshow_idx ON judge (roadshow_id)`,
      `CREATE TABLE recusal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        judge_id uuid NOT NULL REFERENCES judge (id),
        submission_id uuid NOT NULL REFERENCES submission (id),
        source text NOT NULL CHECK (source IN ('declared', 'office', 'automatic')),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recusal_judge_submission_uq UNIQUE (judge_id, submission_id)
      )`,
      `CREATE TABLE score (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slot_id uuid NOT NULL REFERENCES roadshow_slot (id),
        judge_id uuid NOT NULL REFERENCES judge (id),
        submission_id uuid NOT NULL REFERENCES submission (id),
        criteria jsonb NOT NULL,
        gates jsonb NOT NULL,
        total text NOT NULL,
        comment text,
        revision integer NOT NULL CHECK (revision > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT score_slot_judge_uq UNIQUE (slot_id, judge_id)
      )`,
      `CREATE TABLE score_revision (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        score_id uuid NOT NULL REFERENCES score (id),
        judge_id uuid NOT NULL REFERENCES judge (id),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 100),
        revision integer NOT NULL,
        criteria jsonb NOT NULL,
        gates jsonb NOT NULL,
        total text NOT NULL,
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT score_revision_idempotency_uq UNIQUE (judge_id, idempotency_key),
        CONSTRAINT score_revision_order_uq UNIQUE (score_id, revision)
      )`,
      `CREATE TABLE live_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        roadshow_id uuid NOT NULL REFERENCES roadshow (id),
        type text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX live_event_roadshow_idx ON live_event (roadshow_id, id)`,
    ];
    for (const statement of statements) {
      await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'live_event',
      'score_revision',
      'score',
      'recusal',
      'judge',
      'roadshow_slot',
      'roadshow',
      'submission',
      'competition',
      'api_key',
      'app_user',
      'organization',
    ]) {
      await queryRunner.query(table === 'roadshow_slot' ? `DROP TABLE roadshow_slot CASCADE` : `DROP TABLE ${table}`);
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public vote (网络投票): a round per competition with its window and limits; voters of one
 * round, each proved by a printed code or a confirmed phone and stored only as a keyed digest;
 * the votes themselves; and the office's review of flagged votes.
 *
 * A vote row is its own audit record: append-only (UPDATE, DELETE and TRUNCATE refused, as on
 * audit_event), identified by a hash of its content, so no second audit row doubles the cost of
 * the one write a city makes at once. A review decision is final and append-only too; voiding
 * writes it and an audit_event row.
 *
 * Each vote is its voter's n-th in all, n-th that Beijing day, n-th in its category and n-th for
 * its project, and each of those positions is unique: of two votes written at once from the same
 * reading of the voter's votes, one takes the position and the other conflicts, so a double vote
 * counts once and no limit is passed, without a lock held across round trips.
 */
export class PublicVote1764752400000 implements MigrationInterface {
  name = 'PublicVote1764752400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE vote_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        competition_id uuid NOT NULL REFERENCES competition (id),
        title text NOT NULL CHECK (title <> ''),
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        votes_per_day integer CHECK (votes_per_day >= 1),
        votes_total integer NOT NULL CHECK (votes_total >= 1),
        per_project integer NOT NULL CHECK (per_project >= 1),
        per_category integer CHECK (per_category >= 1),
        communities jsonb NOT NULL CHECK (jsonb_typeof(communities) = 'array' AND communities <> '[]'),
        methods jsonb NOT NULL CHECK (
          jsonb_typeof(methods) = 'array' AND methods <> '[]' AND methods <@ '["code", "phone"]'),
        results_visibility text NOT NULL CHECK (results_visibility IN ('hidden', 'live')),
        component_key text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL,
        CHECK (closes_at > opens_at)
      )`,
      `CREATE INDEX vote_round_competition_idx ON vote_round (competition_id)`,
      `CREATE TABLE vote_code_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES vote_round (id),
        community text NOT NULL CHECK (community <> ''),
        size integer NOT NULL CHECK (size >= 1),
        issued_by uuid NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE voter (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        round_id uuid NOT NULL REFERENCES vote_round (id),
        method text NOT NULL CHECK (method IN ('code', 'phone')),
        community text NOT NULL CHECK (community <> ''),
        batch_id uuid REFERENCES vote_code_batch (id),
        digest text NOT NULL,
        digest_key_id text NOT NULL,
        flags jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(flags) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        first_verified_at timestamptz,
        CHECK ((method = 'code') = (batch_id IS NOT NULL)),
        CONSTRAINT voter_round_digest_key UNIQUE (round_id, digest)
      )`,
      `CREATE TABLE vote (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES vote_round (id),
        voter_id uuid NOT NULL REFERENCES voter (id),
        project_id uuid NOT NULL REFERENCES submission (id),
        category text NOT NULL,
        ordinal integer NOT NULL CHECK (ordinal >= 1),
        total_ordinal integer NOT NULL CHECK (total_ordinal >= 1),
        day_ordinal integer NOT NULL CHECK (day_ordinal >= 1),
        category_ordinal integer NOT NULL CHECK (category_ordinal >= 1),
        method text NOT NULL CHECK (method IN ('code', 'phone')),
        cast_at timestamptz NOT NULL,
        cast_day date NOT NULL,
        address_hash text NOT NULL,
        device_hash text NOT NULL,
        flags jsonb NOT NULL CHECK (jsonb_typeof(flags) = 'array'),
        record_hash text NOT NULL,
        CONSTRAINT vote_voter_project_ordinal_key UNIQUE (voter_id, project_id, ordinal),
        CONSTRAINT vote_voter_total_ordinal_key UNIQUE (voter_id, total_ordinal),
        CONSTRAINT vote_voter_day_ordinal_key UNIQUE (voter_id, cast_day, day_ordinal),
        CONSTRAINT vote_voter_category_ordinal_key UNIQUE (voter_id, category, category_ordinal)
      )`,
      `CREATE INDEX vote_round_project_idx ON vote (round_id, project_id)`,
      `CREATE INDEX vote_flagged_idx ON vote (round_id, id) WHERE flags <> '[]'`,
      `CREATE TABLE vote_review (
        vote_id bigint PRIMARY KEY REFERENCES vote (id),
        round_id uuid NOT NULL REFERENCES vote_round (id),
        decision text NOT NULL CHECK (decision IN ('void', 'clear')),
        reason text NOT NULL CHECK (reason <> ''),
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX vote_review_void_idx ON vote_review (round_id) WHERE decision = 'void'`,
      `CREATE FUNCTION vote_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`,
      `CREATE TRIGGER vote_no_update_delete BEFORE UPDATE OR DELETE ON vote
        FOR EACH ROW EXECUTE FUNCTION vote_refuse_change()`,
      `CREATE TRIGGER vote_no_truncate BEFORE TRUNCATE ON vote
        FOR EACH STATEMENT EXECUTE FUNCTION vote_refuse_change()`,
      `CREATE TRIGGER vote_review_no_update_delete BEFORE UPDATE OR DELETE ON vote_review
        FOR EACH ROW EXECUTE FUNCTION vote_refuse_change()`,
      `CREATE TRIGGER vote_review_no_truncate BEFORE TRUNCATE ON vote_review
        FOR EACH STATEMENT EXECUTE FUNCTION vote_refuse_change()`,
      `ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_type_check`,
      `ALTER TABLE audit_event ADD CONSTRAINT audit_event_actor_type_check
         CHECK (actor_type IN ('office', 'applicant', 'judge', 'evaluator', 'voter', 'admin', 'api-client', 'system'))`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_type_check`,
      `ALTER TABLE audit_event ADD CONSTRAINT audit_event_actor_type_check
         CHECK (actor_type IN ('office', 'applicant', 'judge', 'evaluator', 'admin', 'api-client', 'system')) NOT VALID`,
      `DROP TABLE vote_review`,
      `DROP TABLE vote`,
      `DROP FUNCTION vote_refuse_change()`,
      `DROP TABLE voter`,
      `DROP TABLE vote_code_batch`,
      `DROP TABLE vote_round`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A judge's score post as one database function, so the post is one round trip and one implicit
 * transaction instead of BEGIN, a read, a write and COMMIT. Each statement of a plpgsql function
 * takes a fresh snapshot, so the locking protocol stays as it was: the judge's advisory lock
 * first, then every read sees what committed while waiting for it; the slot's share lock makes a
 * lock of the slot wait for this save, and this save see the slot locked once that commits.
 *
 * The function decides nothing the API does not tell it: the states in which scoring is open come
 * in as arguments, lock keys and the live event's type too. It reports what it found (`outcome`
 * and the facts behind it) and writes only when everything allows it:
 *   judge-not-found, slot-not-found  the token's roadshow has no such judge or slot;
 *   stored          a revision exists under this Idempotency-Key: its values are returned, nothing is written;
 *   recused         the judge is recused from the slot's project;
 *   closed          the competition or the slot is not in a scoring state (both states are returned);
 *   checked         everything allows a save, but no sheet was given (p_rules_version is null);
 *   rules-changed   the sheet was checked against another rules version than the competition's;
 *   saved           score, revision and audit row written; on the judge's first save of the slot, the
 *                   count of judges who submitted and the live event carrying it as well.
 */
export class ScoreSubmitFunction1764057600000 implements MigrationInterface {
  name = 'ScoreSubmitFunction1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION score_submit(
        p_judge_id uuid, p_roadshow_id uuid, p_slot_id uuid, p_idempotency_key text,
        p_open_competition_state text, p_open_slot_states text[],
        p_rules_version integer, p_criteria jsonb, p_gates jsonb, p_total text, p_comment text,
        p_actor_type text, p_actor_id text, p_action text,
        p_judge_lock text, p_count_lock text, p_live_lock text, p_live_type text,
        OUT outcome text, OUT competition_state text, OUT rules_version integer,
        OUT slot_state text, OUT submission_id uuid,
        OUT revision_id bigint, OUT score_id uuid, OUT revision integer, OUT criteria jsonb, OUT gates jsonb,
        OUT total text, OUT comment text, OUT created_at timestamptz,
        OUT stored_slot_id uuid, OUT stored_submission_id uuid,
        OUT submitted_count integer, OUT judge_count integer
      ) LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_submission_id uuid;
        v_score_id uuid;
        v_revision integer;
        v_before jsonb;
        v_after jsonb;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_judge_lock, 0));
        IF NOT EXISTS (SELECT 1 FROM judge j WHERE j.id = p_judge_id AND j.roadshow_id = p_roadshow_id) THEN
          outcome := 'judge-not-found';
          RETURN;
        END IF;

        SELECT s.state, s.submission_id INTO slot_state, v_submission_id
          FROM roadshow_slot s
         WHERE s.id = p_slot_id AND s.roadshow_id = p_roadshow_id
           FOR SHARE OF s;
        IF NOT FOUND THEN
          outcome := 'slot-not-found';
          RETURN;
        END IF;
        submission_id := v_submission_id;
        SELECT c.state, c.rules_version INTO competition_state, rules_version
          FROM roadshow r JOIN competition c ON c.id = r.competition_id
         WHERE r.id = p_roadshow_id;

        SELECT sr.id, sr.score_id, sr.revision, sr.criteria, sr.gates, sr.total, sr.comment, sr.created_at,
               sc.slot_id, sc.submission_id
          INTO revision_id, score_id, revision, criteria, gates, total, comment, created_at,
               stored_slot_id, stored_submission_id
          FROM score_revision sr JOIN score sc ON sc.id = sr.score_id
         WHERE sr.judge_id = p_judge_id AND sr.idempotency_key = p_idempotency_key;
        IF FOUND THEN
          outcome := 'stored';
          RETURN;
        END IF;

        IF EXISTS (
          SELECT 1 FROM recusal rc WHERE rc.judge_id = p_judge_id AND rc.submission_id = v_submission_id
        ) THEN
          outcome := 'recused';
          RETURN;
        END IF;
        IF competition_state IS DISTINCT FROM p_open_competition_state OR NOT (slot_state = ANY (p_open_slot_states)) THEN
          outcome := 'closed';
          RETURN;
        END IF;
        IF p_rules_version IS NULL THEN
          outcome := 'checked';
          RETURN;
        END IF;
        IF p_rules_version IS DISTINCT FROM rules_version THEN
          outcome := 'rules-changed';
          RETURN;
        END IF;

        -- The audit snapshot's keys are the API's names for these fields.
        SELECT jsonb_build_object('slotId', sc.slot_id, 'submissionId', sc.submission_id, 'revision', sc.revision,
                                  'criteria', sc.criteria, 'gates', sc.gates, 'total', sc.total, 'comment', sc.comment)
          INTO v_before
          FROM score sc
         WHERE sc.slot_id = p_slot_id AND sc.judge_id = p_judge_id;
        INSERT INTO score AS sc (slot_id, judge_id, submission_id, criteria, gates, total, comment, revision)
        VALUES (p_slot_id, p_judge_id, v_submission_id, p_criteria, p_gates, p_total, p_comment, 1)
        ON CONFLICT (slot_id, judge_id) DO UPDATE
          SET criteria = EXCLUDED.criteria, gates = EXCLUDED.gates, total = EXCLUDED.total,
              comment = EXCLUDED.comment, revision = sc.revision + 1, updated_at = now()
        RETURNING sc.id, sc.revision,
                  jsonb_build_object('slotId', sc.slot_id, 'submissionId', sc.submission_id, 'revision', sc.revision,
                                     'criteria', sc.criteria, 'gates', sc.gates, 'total', sc.total,
                                     'comment', sc.comment, 'idempotencyKey', p_idempotency_key)
          INTO v_score_id, v_revision, v_after;
        INSERT INTO score_revision AS sr (score_id, judge_id, idempotency_key, revision, criteria, gates, total, comment)
        VALUES (v_score_id, p_judge_id, p_idempotency_key, v_revision, p_criteria, p_gates, p_total, p_comment)
        RETURNING sr.id, sr.criteria, sr.gates, sr.total, sr.comment, sr.created_at
          INTO revision_id, criteria, gates, total, comment, created_at;
        INSERT INTO audit_event (actor_type, actor_id, action, subject_type, subject_id, before, after)
        VALUES (p_actor_type, p_actor_id, p_action, 'score', v_score_id::text, v_before, v_after);
        score_id := v_score_id;
        revision := v_revision;

        IF v_revision = 1 THEN
          -- Counts sent to the big screen only ever grow: the count is read after the slot's count
          -- lock, in a statement of its own, so it includes every first save that committed before.
          PERFORM pg_advisory_xact_lock(hashtextextended(p_count_lock, 0));
          SELECT count(*)::int INTO submitted_count FROM score sc WHERE sc.slot_id = p_slot_id;
          SELECT count(*)::int INTO judge_count
            FROM judge j
           WHERE j.roadshow_id = p_roadshow_id
             AND NOT EXISTS (SELECT 1 FROM recusal rc WHERE rc.judge_id = j.id AND rc.submission_id = v_submission_id);
          -- The live stream's appender lock (see LiveEventRepository) before the row takes its id.
          PERFORM pg_advisory_xact_lock_shared(hashtextextended(p_live_lock, 0));
          INSERT INTO live_event (roadshow_id, type, data)
          VALUES (p_roadshow_id, p_live_type,
                  jsonb_build_object('slotId', p_slot_id, 'submittedCount', submitted_count, 'judgeCount', judge_count));
        END IF;
        outcome := 'saved';
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION score_submit(uuid, uuid, uuid, text, text, text[], integer, jsonb, jsonb, text, text,
                                  text, text, text, text, text, text, text)`,
    );
  }
}

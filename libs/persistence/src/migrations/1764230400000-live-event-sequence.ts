import { MigrationInterface, QueryRunner } from 'typeorm';
import { ScoreSubmitFunction1764057600000 } from './1764057600000-score-submit-function';

/**
 * Live events numbered per roadshow (`seq`) from a counter row that an appending transaction
 * locks last and holds until it commits: a later number can then never become visible before an
 * earlier one, so readers read `seq > n` in order with no lock of their own. The score post is one
 * TypeScript transaction again, so the score_submit function it used goes.
 */
export class LiveEventSequence1764230400000 implements MigrationInterface {
  name = 'LiveEventSequence1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE roadshow_event_sequence (
        roadshow_id uuid PRIMARY KEY REFERENCES roadshow (id),
        last_seq bigint NOT NULL CHECK (last_seq > 0)
      )`,
      `ALTER TABLE live_event ADD COLUMN seq bigint`,
      `UPDATE live_event e SET seq = n.seq
         FROM (SELECT id, row_number() OVER (PARTITION BY roadshow_id ORDER BY id) AS seq FROM live_event) n
        WHERE n.id = e.id`,
      `INSERT INTO roadshow_event_sequence (roadshow_id, last_seq)
       SELECT roadshow_id, max(seq) FROM live_event GROUP BY roadshow_id`,
      `ALTER TABLE live_event ALTER COLUMN seq SET NOT NULL`,
      `DROP INDEX live_event_roadshow_idx`,
      `ALTER TABLE live_event ADD CONSTRAINT live_event_roadshow_seq_key UNIQUE (roadshow_id, seq)`,
      `DROP FUNCTION score_submit(uuid, uuid, uuid, text, text, text[], integer, jsonb, jsonb, text, text,
                                  text, text, text, text, text, text, text)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE live_event DROP CONSTRAINT live_event_roadshow_seq_key`);
    await queryRunner.query(`CREATE INDEX live_event_roadshow_idx ON live_event (roadshow_id, id)`);
    await queryRunner.query(`ALTER TABLE live_event DROP COLUMN seq`);
    await queryRunner.query(`DROP TABLE roadshow_event_sequence`);
    await new ScoreSubmitFunction1764057600000().up(queryRunner);
  }
}

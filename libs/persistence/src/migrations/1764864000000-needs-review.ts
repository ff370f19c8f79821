import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropPolicies, policies } from './tenant-policies';

/** The review of the needs walls' spam, as the public vote's: one decision, with its reason. */
const REVIEW_COLUMNS = `
  ADD COLUMN review_decision text CHECK (review_decision IN ('void', 'clear')),
  ADD COLUMN review_reason text,
  ADD COLUMN reviewed_by uuid,
  ADD COLUMN reviewed_at timestamptz,
  ADD CONSTRAINT %_review_ck CHECK (
    (review_decision IS NULL) = (review_reason IS NULL AND reviewed_by IS NULL AND reviewed_at IS NULL)
    AND (review_reason IS NULL OR review_reason <> ''))`;

/**
 * Residents' photos on their needs and the community's review of what the walls flagged. A support
 * gets an id of its own (the review names it) and keeps the keyed hashes of where it came from, so
 * the community's queue groups a burst; a need keeps the earlier need it repeats. A photo is stored
 * like a report's attachment, in its own table of the office, readable by the public only once the
 * community let its need through (the API decides; the row is the office's).
 */
export class NeedsReview1764864000000 implements MigrationInterface {
  name = 'NeedsReview1764864000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE need_support
        ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
        ADD COLUMN address_hash text,
        ADD COLUMN device_hash text,
        ${REVIEW_COLUMNS.replace('%', 'need_support')}`,
      `CREATE INDEX need_support_flagged_idx ON need_support (tenant_id)
         WHERE flags <> '[]'::jsonb AND review_decision IS NULL`,
      `ALTER TABLE resident_need
        ADD COLUMN duplicate_of uuid REFERENCES resident_need (id),
        ${REVIEW_COLUMNS.replace('%', 'resident_need')}`,
      `CREATE TABLE need_photo (
        need_id uuid PRIMARY KEY REFERENCES resident_need (id),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        bytes bytea NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TRIGGER need_photo_tenant BEFORE INSERT ON need_photo
        FOR EACH ROW EXECUTE FUNCTION tenant_of_parent('resident_need', 'need_id')`,
      `ALTER TABLE need_photo ENABLE ROW LEVEL SECURITY`,
      ...policies('need_photo'),
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      ...dropPolicies('need_photo'),
      `DROP TABLE need_photo`,
      `ALTER TABLE resident_need DROP CONSTRAINT resident_need_review_ck,
        DROP COLUMN reviewed_at, DROP COLUMN reviewed_by, DROP COLUMN review_reason, DROP COLUMN review_decision,
        DROP COLUMN duplicate_of`,
      `DROP INDEX need_support_flagged_idx`,
      `ALTER TABLE need_support DROP CONSTRAINT need_support_review_ck,
        DROP COLUMN reviewed_at, DROP COLUMN reviewed_by, DROP COLUMN review_reason, DROP COLUMN review_decision,
        DROP COLUMN device_hash, DROP COLUMN address_hash, DROP COLUMN id`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

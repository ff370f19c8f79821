import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each API-key and judge-code digest records the id of the credential key that made it, so the
 * credential key can rotate without voiding them. Rows made before this were keyed with the one
 * secret of that time: they get the id `legacy`, which an upgraded deployment lists in
 * CREDENTIAL_KEYS with that old secret for as long as it wants those keys and codes to work.
 */
export class CredentialKeyIds1764144000000 implements MigrationInterface {
  name = 'CredentialKeyIds1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['api_key', 'judge']) {
      await queryRunner.query(
        `ALTER TABLE ${table} ADD COLUMN digest_key_id text NOT NULL DEFAULT 'legacy' CHECK (digest_key_id <> '')`,
      );
      // The default only backfills: every new row must name the key it was made with.
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN digest_key_id DROP DEFAULT`);
    }
  }

  /** Rolling back forgets the ids: only credentials made under the old single secret work again. */
  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['judge', 'api_key']) {
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN digest_key_id`);
    }
  }
}

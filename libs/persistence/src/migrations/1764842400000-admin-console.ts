import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin console: accounts can be disabled and their sessions ended, people set their own
 * password from a one-time link, and API keys belong to an office with scopes. Keys made before
 * keep acting with their owner's whole role (no scopes); an office account's keys are listed under
 * its office so the office sees every key that can act for it.
 */
export class AdminConsole1764842400000 implements MigrationInterface {
  name = 'AdminConsole1764842400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE app_user ADD COLUMN disabled_at timestamptz`,
      `ALTER TABLE app_user ADD COLUMN sessions_valid_after timestamptz`,
      `CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
        token_hash text NOT NULL UNIQUE,
        digest_key_id text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX invitation_user_idx ON invitation (user_id)`,
      `ALTER TABLE api_key ADD COLUMN tenant_id uuid REFERENCES tenant (id)`,
      `ALTER TABLE api_key ADD COLUMN scopes jsonb CHECK (scopes IS NULL OR jsonb_typeof(scopes) = 'array')`,
      `ALTER TABLE api_key ADD CONSTRAINT api_key_scoped_has_tenant CHECK (scopes IS NULL OR tenant_id IS NOT NULL)`,
      `UPDATE api_key SET tenant_id = app_user.tenant_id FROM app_user
        WHERE app_user.id = api_key.user_id AND app_user.role = 'office'`,
      `CREATE INDEX api_key_tenant_idx ON api_key (tenant_id)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE api_key DROP CONSTRAINT api_key_scoped_has_tenant`);
    await queryRunner.query(`ALTER TABLE api_key DROP COLUMN scopes`);
    await queryRunner.query(`ALTER TABLE api_key DROP COLUMN tenant_id`);
    await queryRunner.query(`DROP TABLE invitation`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN sessions_valid_after`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN disabled_at`);
  }
}

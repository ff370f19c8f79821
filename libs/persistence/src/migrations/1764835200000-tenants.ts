import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offices as tenants (city → district → street office). Everything that existed before belongs to
 * one default tenant, so a deployment with a single office keeps working unchanged: its office
 * accounts and competitions move into it.
 */
export class Tenants1764835200000 implements MigrationInterface {
  name = 'Tenants1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE tenant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_id uuid REFERENCES tenant (id),
        kind text NOT NULL CHECK (kind IN ('city', 'district', 'street')),
        name text NOT NULL CHECK (name <> ''),
        name_en text NOT NULL DEFAULT '',
        settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (parent_id IS NULL OR parent_id <> id)
      )`,
      `CREATE INDEX tenant_parent_idx ON tenant (parent_id)`,
      `INSERT INTO tenant (id, kind, name, name_en)
        VALUES ('00000000-0000-4000-8000-000000000001', 'street', '默认办公室', 'Default office')`,
      `ALTER TABLE app_user ADD COLUMN tenant_id uuid REFERENCES tenant (id)`,
      `UPDATE app_user SET tenant_id = '00000000-0000-4000-8000-000000000001' WHERE role = 'office'`,
      `ALTER TABLE app_user ADD CONSTRAINT app_user_office_tenant CHECK (role <> 'office' OR tenant_id IS NOT NULL)`,
      `ALTER TABLE competition ADD COLUMN tenant_id uuid NOT NULL
        DEFAULT '00000000-0000-4000-8000-000000000001' REFERENCES tenant (id)`,
      `CREATE INDEX competition_tenant_idx ON competition (tenant_id)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE competition DROP COLUMN tenant_id`);
    await queryRunner.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_office_tenant`);
    await queryRunner.query(`ALTER TABLE app_user DROP COLUMN tenant_id`);
    await queryRunner.query(`DROP TABLE tenant`);
  }
}

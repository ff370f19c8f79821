import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing webhooks per office and notifications to people. An event is written in the transaction
 * of the change it reports, so a receiver never hears of a change that rolled back; each delivery
 * attempt is one row, so the office reads what its receiver answered and when.
 */
export class WebhooksAndNotifications1764849600000 implements MigrationInterface {
  name = 'WebhooksAndNotifications1764849600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        url text NOT NULL CHECK (url <> ''),
        description text NOT NULL DEFAULT '',
        topics jsonb NOT NULL CHECK (jsonb_typeof(topics) = 'array' AND jsonb_array_length(topics) > 0),
        secret text NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`,
      `CREATE INDEX webhook_endpoint_tenant_idx ON webhook_endpoint (tenant_id) WHERE disabled_at IS NULL`,
      `CREATE TABLE webhook_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        topic text NOT NULL,
        competition_id uuid NOT NULL REFERENCES competition (id),
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE webhook_delivery (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        event_id uuid NOT NULL REFERENCES webhook_event (id),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint (id),
        attempt integer NOT NULL CHECK (attempt > 0),
        replay boolean NOT NULL DEFAULT false,
        status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
        response_status integer,
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX webhook_delivery_tenant_idx ON webhook_delivery (tenant_id, id DESC)`,
      `CREATE INDEX webhook_delivery_event_idx ON webhook_delivery (event_id)`,
      `CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        user_id uuid NOT NULL REFERENCES app_user (id),
        kind text NOT NULL,
        dedup_key text NOT NULL,
        title_zh text NOT NULL,
        title_en text NOT NULL,
        body_zh text NOT NULL,
        body_en text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notification_once_uq UNIQUE (user_id, dedup_key)
      )`,
      `CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification`);
    await queryRunner.query(`DROP TABLE webhook_delivery`);
    await queryRunner.query(`DROP TABLE webhook_event`);
    await queryRunner.query(`DROP TABLE webhook_endpoint`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log per office and tamper-evident. Every row belongs to an office's chain (tenant_id) or
 * to the platform's own (NULL: admin acts, registrations) and carries the hash of the previous row of
 * its chain and its own hash, SHA-256 over the canonical text that `audit_event_canonical` spells out
 * (README, "Audit log"). A BEFORE INSERT trigger computes both, so the TypeScript writers and the
 * plpgsql ones (score_submit) go through one place; it also attributes a row written without a tenant
 * to the transaction's `app.tenant_id`.
 *
 * Writers of one chain are serialized by a transaction-scoped advisory lock, and the row's id is drawn
 * under that lock, so within a chain id order is chain order: an export sorted by id is the chain.
 * A unique prev_hash makes a fork impossible even if the lock were bypassed; a transaction whose
 * snapshot predates the head (REPEATABLE READ) fails on the head's row instead of forking.
 *
 * Existing rows about a competition or anything under it, and every office's act, go to the default
 * office (the only one when this runs); the rest (accounts, organizations, operations) to the platform.
 */
export class AuditChain1764846000000 implements MigrationInterface {
  name = 'AuditChain1764846000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE audit_event
         ADD COLUMN tenant_id uuid REFERENCES tenant (id),
         ADD COLUMN prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
         ADD COLUMN hash text CHECK (hash ~ '^[0-9a-f]{64}$')`,
      `CREATE TABLE audit_chain_head (
         chain text PRIMARY KEY,
         tenant_id uuid REFERENCES tenant (id),
         last_id bigint NOT NULL,
         last_hash text NOT NULL,
         row_count bigint NOT NULL CHECK (row_count > 0),
         CHECK (chain = coalesce(tenant_id::text, ''))
       )`,
      // COPY's text escapes: a field never contains a raw line break. An optional field that is empty
      // counts as absent (\\N), as a CSV export cannot tell the two apart.
      `CREATE FUNCTION audit_event_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
         SELECT CASE WHEN value IS NULL THEN '\\N'
                ELSE replace(replace(replace(value, '\\', '\\\\'), E'\\n', '\\n'), E'\\r', '\\r') END
       $$`,
      // The time as the chain and the export spell it: UTC to the microsecond, whatever the session's zone.
      `CREATE FUNCTION audit_event_time(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
         SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
       $$`,
      `CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
         SELECT concat_ws(E'\\n',
           'gongyi-audit-v1',
           e.id::text,
           audit_event_time(e.occurred_at),
           audit_event_field(nullif(e.tenant_id::text, '')),
           audit_event_field(e.actor_type),
           audit_event_field(nullif(e.actor_id, '')),
           audit_event_field(e.action),
           audit_event_field(e.subject_type),
           audit_event_field(e.subject_id),
           audit_event_field(nullif(e.before::text, '')),
           audit_event_field(nullif(e.after::text, '')),
           audit_event_field(nullif(e.request_id, '')),
           audit_event_field(nullif(e.prev_hash, '')))
       $$`,
      `CREATE FUNCTION audit_event_hash(e audit_event) RETURNS text LANGUAGE sql STABLE AS $$
         SELECT encode(sha256(convert_to(audit_event_canonical(e), 'UTF8')), 'hex')
       $$`,
      `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`,
      `UPDATE audit_event SET tenant_id = '00000000-0000-4000-8000-000000000001'
        WHERE actor_type = 'office' OR subject_type NOT IN ('user', 'organization', 'queue', 'queue-dashboard')`,
      `DO $$
       DECLARE
         e audit_event;
         v_prev text;
       BEGIN
         FOR e IN SELECT * FROM audit_event ORDER BY id LOOP
           SELECT last_hash INTO v_prev FROM audit_chain_head WHERE chain = coalesce(e.tenant_id::text, '');
           e.prev_hash := v_prev;
           e.hash := audit_event_hash(e);
           UPDATE audit_event SET prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
           INSERT INTO audit_chain_head (chain, tenant_id, last_id, last_hash, row_count)
             VALUES (coalesce(e.tenant_id::text, ''), e.tenant_id, e.id, e.hash, 1)
             ON CONFLICT (chain) DO UPDATE
               SET last_id = EXCLUDED.last_id, last_hash = EXCLUDED.last_hash,
                   row_count = audit_chain_head.row_count + 1;
         END LOOP;
       END
       $$`,
      `ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete`,
      `ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL`,
      `CREATE UNIQUE INDEX audit_event_prev_hash_key ON audit_event (prev_hash)`,
      `CREATE INDEX audit_event_tenant_idx ON audit_event (tenant_id, id)`,
      `CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql
         SECURITY DEFINER SET search_path = pg_catalog, public AS $$
       DECLARE
         v_chain text;
       BEGIN
         NEW.tenant_id := coalesce(NEW.tenant_id, nullif(current_setting('app.tenant_id', true), '')::uuid);
         v_chain := coalesce(NEW.tenant_id::text, '');
         PERFORM pg_advisory_xact_lock(hashtextextended('audit_event chain ' || v_chain, 0));
         NEW.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
         NEW.prev_hash := (SELECT last_hash FROM audit_chain_head WHERE chain = v_chain);
         NEW.hash := audit_event_hash(NEW);
         INSERT INTO audit_chain_head (chain, tenant_id, last_id, last_hash, row_count)
           VALUES (v_chain, NEW.tenant_id, NEW.id, NEW.hash, 1)
           ON CONFLICT (chain) DO UPDATE
             SET last_id = EXCLUDED.last_id, last_hash = EXCLUDED.last_hash,
                 row_count = audit_chain_head.row_count + 1;
         RETURN NEW;
       END
       $$`,
      `CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
         FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP TRIGGER audit_event_chain ON audit_event`,
      `DROP FUNCTION audit_event_chain()`,
      `DROP FUNCTION audit_event_hash(audit_event)`,
      `DROP FUNCTION audit_event_canonical(audit_event)`,
      `DROP FUNCTION audit_event_field(text)`,
      `DROP FUNCTION audit_event_time(timestamptz)`,
      `DROP TABLE audit_chain_head`,
      `DROP INDEX audit_event_tenant_idx`,
      `DROP INDEX audit_event_prev_hash_key`,
      `ALTER TABLE audit_event DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN tenant_id`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log per office and tamper-evident. Every row belongs to an office's chain (tenant_id) or
 * to the platform's own (NULL: admin acts, registrations) and carries its position in that chain
 * (chain_seq), the hash of the previous row of its chain and its own hash, SHA-256 over the canonical
 * text that `audit_event_canonical` spells out (README, "The audit log"). Triggers do it for every
 * writer, TypeScript or plpgsql: one before each insert attributes a row written without a tenant to
 * the transaction's `app.tenant_id` and clears any hash a writer sent; a constraint trigger deferred
 * to the commit seals the row.
 *
 * Sealing at the commit is what keeps the chain from forking without a new deadlock: the writers of
 * one chain take its advisory lock only then, after every other lock their transaction takes, and
 * hold it for the commit alone. The seal is the one UPDATE the table accepts: from the seal trigger,
 * on a row not yet sealed, changing nothing but the chain's three columns. A unique prev_hash and a
 * unique position per chain make a fork impossible even if the lock were bypassed; a transaction
 * whose snapshot predates the head (REPEATABLE READ) fails on the head's row instead of forking.
 *
 * Existing rows about a competition or anything under it, and every office's act, go to the default
 * office (the only one when this runs); the rest (accounts, organizations, operations) to the platform.
 * They are chained in id order.
 */
export class AuditChain1764846000000 implements MigrationInterface {
  name = 'AuditChain1764846000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE audit_event
         ADD COLUMN tenant_id uuid REFERENCES tenant (id),
         ADD COLUMN chain_seq bigint CHECK (chain_seq > 0),
         ADD COLUMN prev_hash text CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
         ADD COLUMN hash text CHECK (hash ~ '^[0-9a-f]{64}$')`,
      `CREATE TABLE audit_chain_head (
         chain text PRIMARY KEY,
         tenant_id uuid REFERENCES tenant (id),
         last_seq bigint NOT NULL CHECK (last_seq > 0),
         last_id bigint NOT NULL,
         last_hash text NOT NULL,
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
           e.chain_seq::text,
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
      // One chain's next position and previous hash, and the row's hash, from the chain's head; then the
      // head moves on. The caller holds the chain's lock.
      `CREATE FUNCTION audit_event_link(e audit_event) RETURNS audit_event LANGUAGE plpgsql AS $$
       DECLARE
         v_chain text := coalesce(e.tenant_id::text, '');
         v_head audit_chain_head;
       BEGIN
         SELECT * INTO v_head FROM audit_chain_head WHERE chain = v_chain;
         e.chain_seq := coalesce(v_head.last_seq, 0) + 1;
         e.prev_hash := v_head.last_hash;
         e.hash := audit_event_hash(e);
         INSERT INTO audit_chain_head (chain, tenant_id, last_seq, last_id, last_hash)
           VALUES (v_chain, e.tenant_id, e.chain_seq, e.id, e.hash)
           ON CONFLICT (chain) DO UPDATE
             SET last_seq = EXCLUDED.last_seq, last_id = EXCLUDED.last_id, last_hash = EXCLUDED.last_hash;
         RETURN e;
       END
       $$`,
      `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`,
      `UPDATE audit_event SET tenant_id = '00000000-0000-4000-8000-000000000001'
        WHERE actor_type = 'office' OR subject_type NOT IN ('user', 'organization', 'queue', 'queue-dashboard')`,
      `DO $$
       DECLARE
         e audit_event;
       BEGIN
         FOR e IN SELECT * FROM audit_event ORDER BY id LOOP
           e := audit_event_link(e);
           UPDATE audit_event SET chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
         END LOOP;
       END
       $$`,
      `DROP TRIGGER audit_event_no_update_delete ON audit_event`,
      `CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
         FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`,
      `CREATE FUNCTION audit_event_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF pg_trigger_depth() > 1 AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
            AND (NEW.id, NEW.occurred_at, NEW.tenant_id, NEW.actor_type, NEW.actor_id, NEW.action, NEW.subject_type,
                 NEW.subject_id, NEW.before, NEW.after, NEW.request_id)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.occurred_at, OLD.tenant_id, OLD.actor_type, OLD.actor_id, OLD.action, OLD.subject_type,
                 OLD.subject_id, OLD.before, OLD.after, OLD.request_id) THEN
           RETURN NEW;
         END IF;
         RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END
       $$`,
      `CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
         FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_update()`,
      `CREATE UNIQUE INDEX audit_event_prev_hash_key ON audit_event (prev_hash)`,
      `CREATE UNIQUE INDEX audit_event_chain_seq_key ON audit_event (tenant_id, chain_seq) NULLS NOT DISTINCT
         WHERE chain_seq IS NOT NULL`,
      `CREATE INDEX audit_event_tenant_idx ON audit_event (tenant_id, id)`,
      `CREATE FUNCTION audit_event_attribute() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.tenant_id := coalesce(NEW.tenant_id, nullif(current_setting('app.tenant_id', true), '')::uuid);
         NEW.chain_seq := NULL;
         NEW.prev_hash := NULL;
         NEW.hash := NULL;
         RETURN NEW;
       END
       $$`,
      `CREATE TRIGGER audit_event_attribute BEFORE INSERT ON audit_event
         FOR EACH ROW EXECUTE FUNCTION audit_event_attribute()`,
      `CREATE FUNCTION audit_event_seal() RETURNS trigger LANGUAGE plpgsql
         SECURITY DEFINER SET search_path = pg_catalog, public AS $$
       DECLARE
         e audit_event;
       BEGIN
         PERFORM pg_advisory_xact_lock(hashtextextended('audit_event chain ' || coalesce(NEW.tenant_id::text, ''), 0));
         e := audit_event_link(NEW);
         UPDATE audit_event SET chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = e.hash WHERE id = e.id;
         RETURN NULL;
       END
       $$`,
      `CREATE CONSTRAINT TRIGGER audit_event_seal AFTER INSERT ON audit_event
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_event_seal()`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `DROP TRIGGER audit_event_seal ON audit_event`,
      `DROP FUNCTION audit_event_seal()`,
      `DROP TRIGGER audit_event_attribute ON audit_event`,
      `DROP FUNCTION audit_event_attribute()`,
      `DROP TRIGGER audit_event_no_update ON audit_event`,
      `DROP FUNCTION audit_event_refuse_update()`,
      `DROP TRIGGER audit_event_no_delete ON audit_event`,
      `CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
         FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`,
      `DROP FUNCTION audit_event_link(audit_event)`,
      `DROP FUNCTION audit_event_hash(audit_event)`,
      `DROP FUNCTION audit_event_canonical(audit_event)`,
      `DROP FUNCTION audit_event_field(text)`,
      `DROP FUNCTION audit_event_time(timestamptz)`,
      `DROP TABLE audit_chain_head`,
      `DROP INDEX audit_event_tenant_idx`,
      `DROP INDEX audit_event_chain_seq_key`,
      `DROP INDEX audit_event_prev_hash_key`,
      `ALTER TABLE audit_event DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN chain_seq, DROP COLUMN tenant_id`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

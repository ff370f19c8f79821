import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 点单式: residents' needs on their community's wall, supports and ratings, needs lists, service
 * orders with the offers and submissions that take them. Every row of an office's carries its tenant.
 */
export class Needs1764853200000 implements MigrationInterface {
  name = 'Needs1764853200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE needs_wall (
        organization_id uuid PRIMARY KEY REFERENCES organization (id),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        code_digest text NOT NULL,
        code_key_id text NOT NULL,
        opened_by uuid NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX needs_wall_tenant_idx ON needs_wall (tenant_id)`,
      `CREATE TABLE resident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        method text NOT NULL CHECK (method IN ('phone', 'code')),
        digest text,
        digest_key_id text,
        community_id uuid REFERENCES organization (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((method = 'phone') = (digest IS NOT NULL AND digest_key_id IS NOT NULL)),
        CHECK (method = 'phone' OR community_id IS NOT NULL)
      )`,
      `CREATE UNIQUE INDEX resident_phone_uq ON resident (digest) WHERE method = 'phone'`,
      `CREATE TABLE needs_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        community_id uuid NOT NULL REFERENCES organization (id),
        category text NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX needs_list_community_idx ON needs_list (community_id, created_at)`,
      `CREATE TABLE service_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        community_id uuid NOT NULL REFERENCES organization (id),
        title text NOT NULL CHECK (title <> ''),
        scope text NOT NULL,
        beneficiaries_who text NOT NULL,
        beneficiaries_count integer NOT NULL CHECK (beneficiaries_count > 0),
        deliverables jsonb NOT NULL CHECK (jsonb_typeof(deliverables) = 'array' AND jsonb_array_length(deliverables) > 0),
        period_start date NOT NULL,
        period_end date NOT NULL CHECK (period_end > period_start),
        budget_cap_fen bigint NOT NULL CHECK (budget_cap_fen > 0),
        route text NOT NULL CHECK (route IN ('competition', 'direct')),
        competition_id uuid REFERENCES competition (id),
        competition_category text,
        state text NOT NULL CHECK (state IN ('draft', 'published', 'taken', 'delivered')),
        picked_offer_id uuid,
        pick_reason text,
        delivery jsonb,
        published_at timestamptz,
        taken_at timestamptz,
        delivered_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((route = 'competition') = (competition_id IS NOT NULL AND competition_category IS NOT NULL)),
        CHECK (picked_offer_id IS NULL OR (route = 'direct' AND pick_reason IS NOT NULL AND pick_reason <> ''))
      )`,
      `CREATE INDEX service_order_tenant_idx ON service_order (tenant_id, state)`,
      `CREATE INDEX service_order_community_idx ON service_order (community_id, created_at)`,
      `CREATE TABLE resident_need (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        community_id uuid NOT NULL REFERENCES organization (id),
        category text NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        for_whom text NOT NULL,
        people_count integer NOT NULL CHECK (people_count > 0),
        state text NOT NULL CHECK (state IN ('pending', 'refused', 'open', 'listed', 'ordered', 'taken', 'delivered')),
        refusal_reason text,
        flags jsonb NOT NULL DEFAULT '[]',
        posted_by uuid NOT NULL REFERENCES resident (id),
        list_id uuid REFERENCES needs_list (id),
        order_id uuid REFERENCES service_order (id),
        posted_at timestamptz NOT NULL DEFAULT now(),
        moderated_at timestamptz,
        listed_at timestamptz,
        ordered_at timestamptz,
        taken_at timestamptz,
        delivered_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CHECK (state <> 'refused' OR (refusal_reason IS NOT NULL AND refusal_reason <> ''))
      )`,
      `CREATE INDEX resident_need_community_idx ON resident_need (community_id, state)`,
      `CREATE INDEX resident_need_tenant_idx ON resident_need (tenant_id)`,
      `CREATE INDEX resident_need_poster_idx ON resident_need (posted_by)`,
      `CREATE TABLE need_support (
        need_id uuid NOT NULL REFERENCES resident_need (id),
        resident_id uuid NOT NULL REFERENCES resident (id),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        flags jsonb NOT NULL DEFAULT '[]',
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (need_id, resident_id)
      )`,
      `CREATE TABLE order_offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        order_id uuid NOT NULL REFERENCES service_order (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        plan text NOT NULL,
        state text NOT NULL CHECK (state IN ('offered', 'picked', 'not-picked')),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, organization_id)
      )`,
      `ALTER TABLE service_order ADD CONSTRAINT service_order_picked_offer_fk
        FOREIGN KEY (picked_offer_id) REFERENCES order_offer (id)`,
      `CREATE TABLE order_submission (
        submission_id uuid PRIMARY KEY REFERENCES submission (id),
        order_id uuid NOT NULL REFERENCES service_order (id),
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        organization_id uuid NOT NULL REFERENCES organization (id),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX order_submission_order_idx ON order_submission (order_id)`,
      `ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_type_check`,
      `ALTER TABLE audit_event ADD CONSTRAINT audit_event_actor_type_check
         CHECK (actor_type IN ('office', 'applicant', 'judge', 'evaluator', 'voter', 'resident', 'admin', 'api-client', 'system'))`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `ALTER TABLE audit_event DROP CONSTRAINT audit_event_actor_type_check`,
      `ALTER TABLE audit_event ADD CONSTRAINT audit_event_actor_type_check
         CHECK (actor_type IN ('office', 'applicant', 'judge', 'evaluator', 'voter', 'admin', 'api-client', 'system')) NOT VALID`,
      `DROP TABLE order_submission`,
      `ALTER TABLE service_order DROP CONSTRAINT service_order_picked_offer_fk`,
      `DROP TABLE order_offer`,
      `DROP TABLE need_support`,
      `DROP TABLE resident_need`,
      `DROP TABLE service_order`,
      `DROP TABLE needs_list`,
      `DROP TABLE resident`,
      `DROP TABLE needs_wall`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }
}

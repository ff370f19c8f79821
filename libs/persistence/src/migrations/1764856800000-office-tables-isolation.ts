import { MigrationInterface, QueryRunner } from 'typeorm';
import { APPLICATION_ROLE } from '@app/config';
import { dropPolicies, policies } from './tenant-policies';

/**
 * The office-owned tables made after row-level security came in get the same policies: invitations
 * to an office, its webhooks and their deliveries, notifications, the needs walls and service
 * orders, and the audit log (an office reads its own chain; the platform's rows, with no office,
 * only the platform sees). Account and API-key rows stay outside: the sign-in reads them before
 * any scope exists, and the admin console scopes them in code.
 *
 * The chain heads are written only by the sealing function, which runs as the owner; the
 * application role may read them but no longer write them, so it cannot move a chain's head.
 */
const TABLES = [
  'invitation',
  'webhook_endpoint',
  'webhook_event',
  'webhook_delivery',
  'notification',
  'needs_wall',
  'resident_need',
  'need_support',
  'needs_list',
  'service_order',
  'order_offer',
  'order_submission',
  'audit_event',
];

export class OfficeTablesIsolation1764856800000 implements MigrationInterface {
  name = 'OfficeTablesIsolation1764856800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      for (const statement of [`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`, ...policies(table)]) {
        await queryRunner.query(statement);
      }
    }
    await queryRunner.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM ${APPLICATION_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`GRANT INSERT, UPDATE, DELETE ON audit_chain_head TO ${APPLICATION_ROLE}`);
    for (const table of TABLES) {
      for (const statement of [...dropPolicies(table), `ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`]) {
        await queryRunner.query(statement);
      }
    }
  }
}

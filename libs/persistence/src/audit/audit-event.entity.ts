import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ActorType =
  'office' | 'applicant' | 'judge' | 'evaluator' | 'voter' | 'resident' | 'admin' | 'api-client' | 'system';

/**
 * One row per write that matters. The table refuses UPDATE, DELETE and TRUNCATE at the database
 * (see the migration), so not even a bug in this code base can rewrite history; each row is also a
 * link of its office's hash chain, so a rewrite of an export or a restored copy shows.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_subject_idx', ['subjectType', 'subjectId', 'id'])
export class AuditEvent {
  /** bigint comes back from pg as a string; kept as text so no id is ever rounded. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_type', type: 'text' })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  /** The office whose chain the row extends; null for the platform's own chain. */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  /**
   * The chain's three columns are set by the database when the row's transaction commits, never by
   * this code (see audit-chain.ts): null until then.
   */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true, insert: false, update: false })
  chainSeq: string | null;

  @Column({ name: 'prev_hash', type: 'text', nullable: true, insert: false, update: false })
  prevHash: string | null;

  @Column({ type: 'text', nullable: true, insert: false, update: false })
  hash: string | null;
}

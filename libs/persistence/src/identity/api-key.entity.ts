import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ApiKeyScope } from '@app/domain';
import { CreatedAtColumn } from '../columns';

/**
 * A programmatic client; only the key's hash is kept. Without scopes it acts for its user with that
 * user's role (a personal key); with scopes it acts for its office, limited to them, and outlives
 * the account of the person who made it.
 */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  name: string;

  /** The office the key acts for; an office account's personal keys are listed under its office too. */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  scopes: ApiKeyScope[] | null;

  /** HMAC of the key under the credential key named by digestKeyId: looked up by both, never stored in clear. */
  @Column({ name: 'key_hash', type: 'text', unique: true })
  keyHash: string;

  /** Id of the CREDENTIAL_KEYS key that made keyHash; `legacy` for keys made before credential keys had ids. */
  @Column({ name: 'digest_key_id', type: 'text' })
  digestKeyId: string;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

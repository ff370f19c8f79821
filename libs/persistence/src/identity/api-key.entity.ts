import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A programmatic client acting for one user with that user's role; only the key's hash is kept. */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  name: string;

  /** HMAC of the key under the credential key named by digestKeyId: looked up by both, never stored in clear. */
  @Column({ name: 'key_hash', type: 'text', unique: true })
  keyHash: string;

  /** Id of the CREDENTIAL_KEYS key that made keyHash; `legacy` for keys made before credential keys had ids. */
  @Column({ name: 'digest_key_id', type: 'text' })
  digestKeyId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '@app/domain';
import { CreatedAtColumn } from '../columns';

/** A person who signs in with a password: office staff, applicants, admins. Judges sign in with a roadshow code instead. */
@Entity({ name: 'app_user' })
export class AppUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', unique: true })
  login: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** scrypt, with its parameters and salt in the stored string. */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /** Required for applicants: what they may see and edit is their organization's. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** Required for office staff: the office whose competitions they run. */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  /** Set while an administrator has disabled the account: it cannot sign in and its keys are refused. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /**
   * Tokens issued before this are refused, so disabling or resetting an account ends its sessions at
   * once although tokens are stateless.
   */
  @Column({ name: 'sessions_valid_after', type: 'timestamptz', nullable: true })
  sessionsValidAfter: Date | null;

  @CreatedAtColumn()
  createdAt: Date;
}

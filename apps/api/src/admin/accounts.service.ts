import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { AdminErrors, INVITATION_HOURS, InvitationPurpose, Role } from '@app/domain';
import { AppUser, AuditRepository, Invitation, Tenant } from '@app/persistence';
import { Actor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { hashPassword } from '../auth/password-hasher';
import { isUniqueViolation } from '../common/unique-violation';
import {
  AcceptInvitationDto,
  AccountResponseDto,
  InvitationResponseDto,
  InviteAccountDto,
  InvitedAccountResponseDto,
  OneTimeLinkDto,
  toAccountResponse,
} from './dto/account.dto';
import { manageableTenant } from './tenant-access';

type AccountChange = Partial<Pick<AppUser, 'disabledAt' | 'sessionsValidAfter' | 'passwordHash'>>;

/** Where the person a link is handed to sets their password; the token sits after `#` so it is never sent in a request line. */
const INVITE_PAGE = '/admin/invite/#t=';

/**
 * Office accounts made and kept by an administrator: a person is invited with a one-time link
 * and sets their own password, so no password ever passes through another person's hands.
 */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
    private readonly digests: CredentialDigestService,
  ) {}

  async list(actor: Actor, tenantId: string): Promise<AccountResponseDto[]> {
    const tenant = await manageableTenant(this.dataSource.manager, actor, tenantId);
    const users = await this.dataSource
      .getRepository(AppUser)
      .find({ where: { tenantId: tenant.id, role: Role.Office }, order: { createdAt: 'ASC', id: 'ASC' } });
    const pending = await this.dataSource.getRepository(Invitation).find({
      select: { userId: true },
      where: { tenantId: tenant.id, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    const pendingUsers = new Set(pending.map((invitation) => invitation.userId));
    return users.map((user) => toAccountResponse(user, pendingUsers.has(user.id)));
  }

  async invite(actor: Actor, tenantId: string, dto: InviteAccountDto): Promise<InvitedAccountResponseDto> {
    // Nobody knows this password: the account cannot be signed into until the link is used.
    const passwordHash = await hashPassword(randomBytes(32).toString('base64'));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const tenant = await manageableTenant(manager, actor, tenantId);
        const user = await manager.getRepository(AppUser).save({
          role: Role.Office,
          login: dto.login,
          displayName: dto.displayName,
          passwordHash,
          organizationId: null,
          tenantId: tenant.id,
          disabledAt: null,
          sessionsValidAfter: null,
        });
        const link = await this.issueLink(manager, actor, user, InvitationPurpose.Invite);
        await this.audit.record(
          {
            ...auditActor(actor),
            action: 'account.invite',
            subjectType: 'user',
            subjectId: user.id,
            after: { login: user.login, displayName: user.displayName, tenantId: tenant.id, expiresAt: link.expiresAt },
          },
          manager,
        );
        return { account: toAccountResponse(user, true), link };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_login_key')) throw AdminErrors.loginTaken();
      throw error;
    }
  }

  /** Idempotent: disabling a disabled account changes nothing. Its sessions and personal keys stop at once. */
  async disable(actor: Actor, id: string): Promise<AccountResponseDto> {
    return this.change(actor, id, 'account.disable', (user, now) =>
      user.disabledAt ? {} : { disabledAt: now, sessionsValidAfter: now },
    );
  }

  /** The account can sign in again; sessions it had before it was disabled stay ended. */
  async enable(actor: Actor, id: string): Promise<AccountResponseDto> {
    return this.change(actor, id, 'account.enable', (user) => (user.disabledAt ? { disabledAt: null } : {}));
  }

  /** The old password and every session stop now; the person sets a new password from a fresh link. */
  async reset(actor: Actor, id: string): Promise<{ account: AccountResponseDto; link: OneTimeLinkDto }> {
    const passwordHash = await hashPassword(randomBytes(32).toString('base64'));
    let link: OneTimeLinkDto | undefined;
    const account = await this.change(actor, id, 'account.reset', async (user, now, manager) => {
      link = await this.issueLink(manager, actor, user, InvitationPurpose.Reset);
      return { passwordHash, sessionsValidAfter: now };
    });
    if (!link) throw new Error('reset made no link');
    return { account, link };
  }

  async lookup(token: string): Promise<InvitationResponseDto> {
    const { invitation, user, tenant } = await this.usable(this.dataSource.manager, token, false);
    return {
      purpose: invitation.purpose,
      login: user.login,
      displayName: user.displayName,
      tenantName: tenant.name,
      tenantNameEn: tenant.nameEn,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /** Sets the password and uses up the link in one transaction: a second use finds it used. */
  async accept(dto: AcceptInvitationDto): Promise<void> {
    const passwordHash = await hashPassword(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const { invitation, user } = await this.usable(manager, dto.token, true);
      const now = new Date();
      await manager.getRepository(Invitation).update(invitation.id, { usedAt: now });
      await manager.getRepository(AppUser).update(user.id, { passwordHash });
      await this.audit.record(
        {
          actorType: 'office',
          actorId: user.id,
          action: 'invitation.accept',
          subjectType: 'user',
          subjectId: user.id,
          after: { purpose: invitation.purpose, invitationId: invitation.id },
        },
        manager,
      );
    });
  }

  private async usable(
    manager: EntityManager,
    token: string,
    lock: boolean,
  ): Promise<{ invitation: Invitation; user: AppUser; tenant: Tenant }> {
    const invitation = await manager.getRepository(Invitation).findOne({
      where: this.digests
        .candidates('invitation', token)
        .map(({ keyId, digest }) => ({ digestKeyId: keyId, tokenHash: digest, usedAt: IsNull() })),
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!invitation || invitation.expiresAt <= new Date()) throw AdminErrors.invitationInvalid();
    const user = await manager.getRepository(AppUser).findOneBy({ id: invitation.userId });
    const tenant = await manager.getRepository(Tenant).findOneBy({ id: invitation.tenantId });
    if (!user || !tenant || user.disabledAt) throw AdminErrors.invitationInvalid();
    return { invitation, user, tenant };
  }

  /** A new link voids the account's earlier unused ones, so only the last one handed over works. */
  private async issueLink(
    manager: EntityManager,
    actor: Actor,
    user: AppUser,
    purpose: InvitationPurpose,
  ): Promise<OneTimeLinkDto> {
    const now = new Date();
    await manager.getRepository(Invitation).update({ userId: user.id, usedAt: IsNull() }, { expiresAt: now });
    const token = `gyi_${randomBytes(24).toString('base64url')}`;
    const { keyId, digest } = this.digests.current('invitation', token);
    const expiresAt = new Date(now.getTime() + INVITATION_HOURS * 3600_000);
    await manager.getRepository(Invitation).save({
      tenantId: user.tenantId ?? '',
      userId: user.id,
      purpose,
      tokenHash: digest,
      digestKeyId: keyId,
      expiresAt,
      usedAt: null,
      createdBy: actorId(actor),
    });
    return { token, path: `${INVITE_PAGE}${token}`, expiresAt: expiresAt.toISOString() };
  }

  private async change(
    actor: Actor,
    id: string,
    action: string,
    decide: (user: AppUser, now: Date, manager: EntityManager) => AccountChange | Promise<AccountChange>,
  ): Promise<AccountResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(AppUser);
      const user = await users.findOne({ where: { id, role: Role.Office }, lock: { mode: 'pessimistic_write' } });
      if (!user?.tenantId) throw AdminErrors.accountNotFound();
      await manageableTenant(manager, actor, user.tenantId).catch(() => {
        throw AdminErrors.accountNotFound();
      });
      const now = new Date();
      const before = { disabledAt: user.disabledAt?.toISOString() ?? null };
      const changes = await decide(user, now, manager);
      if (Object.keys(changes).length > 0) {
        await users.update(user.id, changes);
        Object.assign(user, changes);
        await this.audit.record(
          {
            ...auditActor(actor),
            action,
            subjectType: 'user',
            subjectId: user.id,
            before,
            after: {
              disabledAt: user.disabledAt?.toISOString() ?? null,
              sessionsEnded: changes.sessionsValidAfter !== undefined,
              passwordCleared: changes.passwordHash !== undefined,
            },
          },
          manager,
        );
      }
      const pending = await manager
        .getRepository(Invitation)
        .existsBy({ userId: user.id, usedAt: IsNull(), expiresAt: MoreThan(now) });
      return toAccountResponse(user, pending);
    });
  }
}

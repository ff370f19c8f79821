import { createHash, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NeedFlag, NeedsErrors, NeedState, ResidentMethod, Role, VoteReviewDecision } from '@app/domain';
import { AuditRepository, NeedPhoto } from '@app/persistence';
import { ResidentActor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { RequestOrigin } from '../common/request-origin';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { signInCodeCandidates } from '../auth/sign-in-code';
import { TokenService } from '../auth/token.service';
import { SMS_CODE_SECONDS, SMS_RESEND_SECONDS, SmsChallenges } from '../votes/sms-challenges';
import { SMS_PROVIDER, SmsProvider, maskedPhone } from '@app/application';
import { fasterThanAPerson } from '../votes/vote-limits';
import { VoteHashes } from '../votes/vote-hashes';
import { VoterSignInLimiter } from '../votes/voter-sign-in-limiter';
import { normalizedPhone } from '../votes/voter-verification';
import {
  NeedDto,
  NeedsWallDto,
  NeedsWallSummaryDto,
  PostNeedDto,
  RateNeedDto,
  ResidentSessionDto,
  ResidentSignInDto,
  ResidentSmsRequestDto,
  ResidentSmsSentDto,
  SupportNeedDto,
} from './dto/needs.dto';
import { NeedGuard } from './need-guard';
import { NeedPhotoUpload } from './need-photo-upload';
import { ON_THE_WALL, toNeedResponse } from './need-views';
import { NeedsRepository } from './needs.repository';

/** SMS codes, sign-in budgets and address hashes of the needs walls are counted under this one scope. */
const NEEDS_SCOPE = 'needs-walls';

/** Needs a resident may still support: on the wall and not yet delivered. */
const SUPPORTABLE: readonly NeedState[] = [NeedState.Open, NeedState.Listed, NeedState.Ordered, NeedState.Taken];

/**
 * 居民点单: residents verify (a phone by SMS, or the code on their community's wall), post needs,
 * support them (one verified person, one support) and rate their delivery. The SMS codes, the
 * wrong-code budget and the keyed hashes are the public vote's, reused under the walls' own scope;
 * the refusals about them speak of the wall's community code, not of a voter code.
 */
@Injectable()
export class ResidentsService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly audit: AuditRepository,
    private readonly tokens: TokenService,
    private readonly digests: CredentialDigestService,
    private readonly challenges: SmsChallenges,
    private readonly limiter: VoterSignInLimiter,
    private readonly hashes: VoteHashes,
    private readonly guard: NeedGuard,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
  ) {}

  async requestSms(dto: ResidentSmsRequestDto): Promise<ResidentSmsSentDto> {
    if (!this.sms.available) throw NeedsErrors.smsUnavailable();
    const number = normalizedPhone(dto.phone);
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    await this.challenges.issue(
      NEEDS_SCOPE,
      this.phoneDigest(number),
      this.codeDigest(number, code),
      NeedsErrors.smsUnavailable,
    );
    await this.sms.send({
      to: number,
      text:
        `【公益创投】您在社区需求墙的验证码为 ${code}，${SMS_CODE_SECONDS / 60} 分钟内有效，请勿告诉他人。` +
        ` Your needs wall code is ${code}, valid for ${SMS_CODE_SECONDS / 60} minutes.`,
    });
    return {
      sentTo: maskedPhone(number),
      expiresAt: new Date(Date.now() + SMS_CODE_SECONDS * 1000).toISOString(),
      resendAfterSeconds: SMS_RESEND_SECONDS,
    };
  }

  async signIn(dto: ResidentSignInDto, clientIp: string): Promise<ResidentSessionDto> {
    const actor =
      dto.method === ResidentMethod.Phone ? await this.byPhone(dto, clientIp) : await this.byCode(dto, clientIp);
    const { token, expiresAt } = this.tokens.issue(actor);
    return { token, expiresAt: expiresAt.toISOString(), method: actor.method, communityId: actor.communityId };
  }

  async walls(): Promise<NeedsWallSummaryDto[]> {
    return (await this.needs.walls()).map(({ community, office }) => ({
      communityId: community.id,
      community: community.community,
      organizationName: community.name,
      office: office.name,
    }));
  }

  async wall(communityId: string): Promise<NeedsWallDto> {
    const wall = await this.needs.wall(communityId);
    const [community, office] = await Promise.all([
      this.needs.organization(communityId),
      wall ? this.needs.tenant(wall.tenantId) : null,
    ]);
    if (!wall || !community || !office) throw NeedsErrors.wallNotFound('id');
    const rows = await this.needs.needsWithCounts({ communityId, states: ON_THE_WALL });
    return {
      communityId,
      community: community.community,
      organizationName: community.name,
      office: office.name,
      needs: rows.map(toNeedResponse),
    };
  }

  async post(actor: ResidentActor, dto: PostNeedDto, clientIp: string): Promise<NeedDto> {
    if (actor.communityId !== null && actor.communityId !== dto.communityId) throw NeedsErrors.phoneRequired();
    const wall = await this.needs.wall(dto.communityId);
    if (!wall) throw NeedsErrors.wallNotFound();
    const flags = await this.guard.admitPost(actor.residentId, this.hashes.address(NEEDS_SCOPE, clientIp));
    const id = await this.needs.transaction(async (manager) => {
      const same = await this.needs.sameText(manager, dto.communityId, dto.title);
      const own = same.find((n) => n.postedBy === actor.residentId);
      if (own) throw NeedsErrors.duplicateOfOwn(own.title);
      const duplicate = same.at(0);
      const need = await this.needs.insertNeed(manager, {
        tenantId: wall.tenantId,
        communityId: dto.communityId,
        category: dto.category,
        title: dto.title,
        forWhom: dto.forWhom,
        peopleCount: dto.peopleCount,
        state: NeedState.Pending,
        refusalReason: null,
        flags: duplicate ? [...flags, NeedFlag.Duplicate] : flags,
        duplicateOf: duplicate?.id ?? null,
        postedBy: actor.residentId,
        postedAt: new Date(),
      });
      // A verified poster supports their own need: one person, one voice, counted once.
      if (actor.method === ResidentMethod.Phone) {
        await this.needs.addSupport(manager, {
          needId: need.id,
          residentId: actor.residentId,
          tenantId: wall.tenantId,
          flags: [],
          addressHash: null,
          deviceHash: null,
        });
      }
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'need.post',
          subjectType: 'need',
          subjectId: need.id,
          after: {
            communityId: need.communityId,
            category: need.category,
            title: need.title,
            flags: need.flags,
            duplicateOf: need.duplicateOf,
          },
        },
        manager,
      );
      return need.id;
    });
    return this.view(id);
  }

  async support(actor: ResidentActor, needId: string, dto: SupportNeedDto, origin: RequestOrigin): Promise<NeedDto> {
    if (actor.method !== ResidentMethod.Phone) throw NeedsErrors.phoneRequired();
    const addressHash = this.hashes.address(NEEDS_SCOPE, origin.address);
    const deviceHash = dto.deviceId ? this.hashes.device(NEEDS_SCOPE, dto.deviceId, origin.userAgent) : null;
    const flags = await this.guard.admitSupport({ needId, addressHash, deviceHash });
    await this.needs.transaction(async (manager) => {
      const need = await this.needs.lockNeed(manager, needId);
      if (!need || !ON_THE_WALL.includes(need.state)) throw NeedsErrors.needNotFound();
      if (!SUPPORTABLE.includes(need.state)) throw NeedsErrors.needNotOpen(need.state);
      if (fasterThanAPerson(await this.needs.lastSupportAt(manager, actor.residentId), new Date())) {
        flags.push(NeedFlag.Velocity);
      }
      if (
        !(await this.needs.addSupport(manager, {
          needId,
          residentId: actor.residentId,
          tenantId: need.tenantId,
          flags,
          addressHash,
          deviceHash,
        }))
      ) {
        throw NeedsErrors.alreadySupported();
      }
      await this.audit.record(
        { ...auditActor(actor), action: 'need.support', subjectType: 'need', subjectId: needId, after: { flags } },
        manager,
      );
    });
    return this.view(needId);
  }

  async rate(actor: ResidentActor, needId: string, dto: RateNeedDto): Promise<NeedDto> {
    if (actor.method !== ResidentMethod.Phone) throw NeedsErrors.phoneRequired();
    await this.needs.transaction(async (manager) => {
      const need = await this.needs.lockNeed(manager, needId);
      if (!need || !ON_THE_WALL.includes(need.state)) throw NeedsErrors.needNotFound();
      if (need.state !== NeedState.Delivered) throw NeedsErrors.notDelivered();
      const support = await this.needs.support(manager, needId, actor.residentId);
      // A support the community voided as a burst carries no voice, so no rating either.
      if (!support || support.reviewDecision === VoteReviewDecision.Void) throw NeedsErrors.notSupporter();
      const before = support.rating;
      support.rating = dto.stars;
      support.ratedAt = new Date();
      await this.needs.saveSupport(manager, support);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'need.rate',
          subjectType: 'need',
          subjectId: needId,
          before: { stars: before },
          after: { stars: dto.stars },
        },
        manager,
      );
    });
    return this.view(needId);
  }

  /**
   * The poster adds (or replaces) their need's photo while the community has not moderated it, so
   * the community sees what it lets through. The page re-encodes the picture on the phone, which
   * drops its location; the bytes an API client sends are kept as sent, public only once moderated.
   */
  async addPhoto(actor: ResidentActor, needId: string, upload: NeedPhotoUpload): Promise<NeedDto> {
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    await this.needs.transaction(async (manager) => {
      const need = await this.needs.lockNeed(manager, needId);
      if (!need || need.postedBy !== actor.residentId) throw NeedsErrors.needNotFound();
      if (need.state !== NeedState.Pending) throw NeedsErrors.photoNotPending();
      await this.needs.savePhoto(manager, {
        needId,
        contentType: upload.contentType,
        sizeBytes: upload.bytes.length,
        sha256,
        bytes: upload.bytes,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'need.photo.add',
          subjectType: 'need',
          subjectId: needId,
          after: { contentType: upload.contentType, sizeBytes: upload.bytes.length, sha256 },
        },
        manager,
      );
    });
    return this.view(needId);
  }

  /** A photo the public may see: its need is on a wall, so the community let it through. */
  async publicPhoto(needId: string): Promise<NeedPhoto> {
    const need = await this.needs.need(needId);
    const photo = need && ON_THE_WALL.includes(need.state) ? await this.needs.photo(needId) : null;
    if (!photo) throw NeedsErrors.photoNotFound();
    return photo;
  }

  /** The resident's own posts, refused ones with the community's reason. */
  async mine(actor: ResidentActor): Promise<NeedDto[]> {
    return (await this.needs.needsWithCounts({ postedBy: actor.residentId })).map(toNeedResponse);
  }

  private async view(needId: string): Promise<NeedDto> {
    const [row] = await this.needs.needsWithCounts({ ids: [needId] });
    return toNeedResponse(row);
  }

  private async byPhone(dto: ResidentSignInDto, clientIp: string): Promise<ResidentActor> {
    const number = normalizedPhone(dto.phone ?? '');
    const phoneDigest = this.phoneDigest(number);
    const attempt = { targetId: NEEDS_SCOPE, address: clientIp, codeDigest: phoneDigest };
    const codeDigest = this.codeDigest(number, dto.smsCode ?? '');
    await this.limiter.admit(
      attempt,
      () => this.challenges.spend(NEEDS_SCOPE, phoneDigest, codeDigest, NeedsErrors.smsUnavailable),
      NeedsErrors.smsCodeInvalid,
    );
    const resident =
      (await this.needs.residentByDigest(this.digests.candidates('resident-phone', number))) ??
      (await this.needs.phoneResident(this.digests.current('resident-phone', number)));
    return {
      kind: 'resident',
      role: Role.Resident,
      residentId: resident.id,
      method: ResidentMethod.Phone,
      communityId: null,
    };
  }

  private async byCode(dto: ResidentSignInDto, clientIp: string): Promise<ResidentActor> {
    const communityId = dto.communityId ?? '';
    const wall = await this.needs.wall(communityId);
    if (!wall) throw NeedsErrors.wallNotFound();
    const candidates = signInCodeCandidates(this.digests, 'needs-wall-code', dto.code ?? '');
    const attempt = { targetId: `${NEEDS_SCOPE}:${communityId}`, address: clientIp, codeDigest: candidates[0].digest };
    await this.limiter.admit(
      attempt,
      () => candidates.some((c) => c.keyId === wall.codeKeyId && c.digest === wall.codeDigest),
      NeedsErrors.communityCodeInvalid,
    );
    const resident = await this.needs.codeResident(communityId);
    return { kind: 'resident', role: Role.Resident, residentId: resident.id, method: ResidentMethod.Code, communityId };
  }

  private phoneDigest(number: string): string {
    return this.digests.current('resident-phone', number).digest;
  }

  private codeDigest(number: string, code: string): string {
    return this.digests.current('resident-phone', `sms:${NEEDS_SCOPE}:${number}:${code}`).digest;
  }
}

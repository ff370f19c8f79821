import { Injectable } from '@nestjs/common';
import { NeedsErrors, NeedState, TenantKind } from '@app/domain';
import { AuditRepository, NeedsWall, Organization } from '@app/persistence';
import { Actor } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { generateSignInCode, signInCodeDigest } from '../auth/sign-in-code';
import {
  CreateNeedsListDto,
  ModerateNeedDto,
  ModeratedNeedDto,
  NeedsListDto,
  NeedsQueryDto,
  OpenWallDto,
  OpenedWallDto,
  StreetOfficeDto,
} from './dto/needs.dto';
import { applicantOrganization, assertCommunity, toModeratedNeedResponse } from './need-views';
import { NeedsRepository } from './needs.repository';

/**
 * 社区制单, first half: a community opens its needs wall under its street office, moderates what
 * residents post (a refusal carries a reason the resident reads) and groups collected needs of one
 * category into needs lists.
 */
@Injectable()
export class CommunityNeedsService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly audit: AuditRepository,
    private readonly digests: CredentialDigestService,
  ) {}

  async community(actor: Actor): Promise<Organization> {
    const id = applicantOrganization(actor);
    return assertCommunity(id ? await this.needs.organization(id) : null);
  }

  async wallOf(actor: Actor): Promise<{ community: Organization; wall: NeedsWall }> {
    const community = await this.community(actor);
    const wall = await this.needs.wall(community.id);
    if (!wall) throw NeedsErrors.wallNotOpened();
    return { community, wall };
  }

  /**
   * Opens the wall under the street office the community names, or prints a fresh code for it
   * (the old one stops working). The office is fixed once residents have posted: their needs belong to it.
   */
  async openWall(actor: Actor, dto: OpenWallDto): Promise<OpenedWallDto> {
    const community = await this.community(actor);
    const office = await this.needs.tenant(dto.tenantId);
    if (!office || office.kind !== TenantKind.Street) throw NeedsErrors.officeNotStreet();
    const code = generateSignInCode();
    const digest = signInCodeDigest(this.digests, 'needs-wall-code', code);
    await this.needs.transaction(async (manager) => {
      const before = await this.needs.wall(community.id, manager);
      if (before && before.tenantId !== office.id && (await this.needs.hasNeeds(community.id, manager))) {
        throw NeedsErrors.wallOfficeFixed();
      }
      await this.needs.saveWall(manager, {
        organizationId: community.id,
        tenantId: office.id,
        codeDigest: digest.digest,
        codeKeyId: digest.keyId,
        openedBy: auditActor(actor).actorId,
      });
      await this.audit.record(
        {
          ...auditActor(actor),
          action: before ? 'needs-wall.reissue-code' : 'needs-wall.open',
          subjectType: 'organization',
          subjectId: community.id,
          before: before ? { tenantId: before.tenantId } : null,
          after: { tenantId: office.id },
        },
        manager,
      );
    });
    return { communityId: community.id, tenantId: office.id, code, wallUrl: `/needs/#c=${community.id}` };
  }

  /** The street offices a community may name for its wall. */
  async offices(actor: Actor): Promise<StreetOfficeDto[]> {
    await this.community(actor);
    return (await this.needs.streetOffices()).map((o) => ({ id: o.id, name: o.name, nameEn: o.nameEn }));
  }

  async list(actor: Actor, query: NeedsQueryDto): Promise<ModeratedNeedDto[]> {
    const community = await this.community(actor);
    const rows = await this.needs.needsWithCounts({
      communityId: community.id,
      states: query.state ? [query.state] : undefined,
    });
    return rows.map(toModeratedNeedResponse);
  }

  async moderate(actor: Actor, needId: string, dto: ModerateNeedDto): Promise<ModeratedNeedDto> {
    const community = await this.community(actor);
    await this.needs.transaction(async (manager) => {
      const need = await this.needs.lockNeed(manager, needId);
      if (!need || need.communityId !== community.id) throw NeedsErrors.needNotFound();
      if (need.state !== NeedState.Pending) throw NeedsErrors.alreadyModerated(need.state);
      const publish = dto.decision === 'publish';
      need.state = publish ? NeedState.Open : NeedState.Refused;
      need.refusalReason = publish ? null : (dto.reason ?? null);
      need.moderatedAt = new Date();
      await this.needs.saveNeeds(manager, [need]);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: publish ? 'need.publish' : 'need.refuse',
          subjectType: 'need',
          subjectId: need.id,
          before: { state: NeedState.Pending },
          after: { state: need.state, reason: need.refusalReason },
        },
        manager,
      );
    });
    const [row] = await this.needs.needsWithCounts({ ids: [needId] });
    return toModeratedNeedResponse(row);
  }

  async createList(actor: Actor, dto: CreateNeedsListDto): Promise<NeedsListDto> {
    const { community, wall } = await this.wallOf(actor);
    const listId = await this.needs.transaction(async (manager) => {
      const found = await this.needs.lockNeeds(manager, dto.needIds);
      const needs = dto.needIds.map((id, index) => {
        const need = found.find((n) => n.id === id);
        if (!need || need.communityId !== community.id) {
          throw NeedsErrors.needsNotEligible(index, { zh: '不是本社区的需求', en: 'is not one of the community’s' });
        }
        if (need.state !== NeedState.Open) {
          throw NeedsErrors.needsNotEligible(index, {
            zh: '不是已收集、未列入清单的需求',
            en: 'is not a collected need outside any list',
          });
        }
        if (need.category !== dto.category) {
          throw NeedsErrors.needsNotEligible(index, { zh: '的类别与清单不同', en: 'is of another category' });
        }
        return need;
      });
      if (new Set(dto.needIds).size !== dto.needIds.length) {
        throw NeedsErrors.needsNotEligible(
          dto.needIds.findIndex((id, i) => dto.needIds.indexOf(id) !== i),
          {
            zh: '重复列出',
            en: 'is named twice',
          },
        );
      }
      const list = await this.needs.insertList(manager, {
        tenantId: wall.tenantId,
        communityId: community.id,
        category: dto.category,
        title: dto.title,
        createdBy: auditActor(actor).actorId,
      });
      const now = new Date();
      for (const need of needs) {
        need.state = NeedState.Listed;
        need.listId = list.id;
        need.listedAt = now;
      }
      await this.needs.saveNeeds(manager, needs);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'needs-list.create',
          subjectType: 'needs-list',
          subjectId: list.id,
          after: { category: list.category, title: list.title, needIds: dto.needIds },
        },
        manager,
      );
      return list.id;
    });
    return (await this.lists(actor)).find((l) => l.id === listId) as NeedsListDto;
  }

  async lists(actor: Actor): Promise<NeedsListDto[]> {
    const community = await this.community(actor);
    const lists = await this.needs.lists(community.id);
    const rows = await this.needs.needsWithCounts({ listIds: lists.map((l) => l.id) });
    return lists.map((list) => ({
      id: list.id,
      category: list.category,
      title: list.title,
      createdAt: list.createdAt.toISOString(),
      needs: rows.filter((r) => r.need.listId === list.id).map(toModeratedNeedResponse),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { NeedsErrors, NeedState, VoteReviewDecision } from '@app/domain';
import { AuditRepository, NeedPhoto, Organization } from '@app/persistence';
import { Actor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CommunityNeedsService } from './community-needs.service';
import {
  FlaggedSupportGroupDto,
  NEEDS_REVIEW_LISTED,
  NeedsReviewQueueDto,
  ReviewNeedsDto,
  ReviewSupportsDto,
} from './dto/needs.dto';
import { toModeratedNeedResponse } from './need-views';
import { FlaggedSupport, NeedsRepository } from './needs.repository';

/** Needs a review may still void: with the community, not yet on a list an order answers. */
const VOIDABLE: readonly NeedState[] = [NeedState.Pending, NeedState.Open];

/**
 * The needs walls' review queue, as the public vote's: flagged supports (bursts by address, phone
 * or onto one need) and flagged needs (repeats, bursts) wait for the community, which voids them or
 * clears them with a reason; the office reads its communities' queues. A voided support stops
 * counting on the wall and cannot rate; a voided need is refused, the reason shown to its poster.
 * One decision per row, all or none, audited with every id and the reason.
 */
@Injectable()
export class NeedsReviewService {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly communities: CommunityNeedsService,
    private readonly audit: AuditRepository,
  ) {}

  async communityQueue(actor: Actor): Promise<NeedsReviewQueueDto> {
    const { community } = await this.communities.wallOf(actor);
    return this.queue(community);
  }

  /**
   * The office reads its communities' queues (one, when named), by community name; a community of
   * another office reads as having no wall, row-level security keeping its wall out of sight.
   */
  async officeQueues(communityId?: string): Promise<NeedsReviewQueueDto[]> {
    const walls = await this.needs.walls();
    if (communityId === undefined) return Promise.all(walls.map(({ community }) => this.queue(community)));
    const named = walls.find(({ community }) => community.id === communityId);
    if (!named) throw NeedsErrors.wallNotFound('communityId');
    return [await this.queue(named.community)];
  }

  /** The photo of one of the community's needs, whatever its state: the community moderates it. */
  async photo(actor: Actor, needId: string): Promise<NeedPhoto> {
    const community = await this.communities.community(actor);
    const need = await this.needs.need(needId);
    const photo = need?.communityId === community.id ? await this.needs.photo(needId) : null;
    if (!photo) throw NeedsErrors.photoNotFound();
    return photo;
  }

  async reviewSupports(actor: Actor, dto: ReviewSupportsDto): Promise<NeedsReviewQueueDto> {
    const { community } = await this.communities.wallOf(actor);
    await this.needs.transaction(async (manager) => {
      const found = await this.needs.lockSupports(manager, dto.supportIds);
      const needs = await this.needs.lockNeeds(manager, [...new Set(found.map((s) => s.needId))]);
      const supports = dto.supportIds.map((id, index) => {
        const support = found.find((s) => s.id === id);
        const need = support && needs.find((n) => n.id === support.needId);
        if (!support || need?.communityId !== community.id) throw NeedsErrors.supportNotFound(index);
        const field = `supportIds.${index}`;
        if (support.reviewDecision !== null) throw NeedsErrors.alreadyReviewed(field);
        if (dto.decision === VoteReviewDecision.Clear && support.flags.length === 0) {
          throw NeedsErrors.notFlagged(field);
        }
        return support;
      });
      const review = { reviewDecision: dto.decision, reviewReason: dto.reason, ...this.reviewer(actor) };
      await this.needs.saveSupports(
        manager,
        supports.map((support) => Object.assign(support, review)),
      );
      await this.audit.record(
        {
          ...auditActor(actor),
          action: `need-support.review.${dto.decision}`,
          subjectType: 'organization',
          subjectId: community.id,
          after: { supportIds: dto.supportIds, reason: dto.reason },
        },
        manager,
      );
    });
    return this.queue(community);
  }

  async reviewNeeds(actor: Actor, dto: ReviewNeedsDto): Promise<NeedsReviewQueueDto> {
    const { community } = await this.communities.wallOf(actor);
    await this.needs.transaction(async (manager) => {
      const found = await this.needs.lockNeeds(manager, dto.needIds);
      const needs = dto.needIds.map((id, index) => {
        const need = found.find((n) => n.id === id);
        const field = `needIds.${index}`;
        if (!need || need.communityId !== community.id) throw NeedsErrors.needNotFound(field);
        if (need.reviewDecision !== null) throw NeedsErrors.alreadyReviewed(field);
        if (dto.decision === VoteReviewDecision.Clear && need.flags.length === 0) throw NeedsErrors.notFlagged(field);
        if (dto.decision === VoteReviewDecision.Void && !VOIDABLE.includes(need.state)) {
          throw NeedsErrors.notVoidable(need.state, field);
        }
        return need;
      });
      const before = needs.map((n) => ({ id: n.id, state: n.state }));
      const review = { reviewDecision: dto.decision, reviewReason: dto.reason, ...this.reviewer(actor) };
      for (const need of needs) {
        Object.assign(need, review);
        if (dto.decision === VoteReviewDecision.Void) {
          need.state = NeedState.Refused;
          need.refusalReason = dto.reason;
          need.moderatedAt ??= review.reviewedAt;
        }
      }
      await this.needs.saveNeeds(manager, needs);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: `need.review.${dto.decision}`,
          subjectType: 'organization',
          subjectId: community.id,
          before: { needs: before },
          after: { needIds: dto.needIds, reason: dto.reason },
        },
        manager,
      );
    });
    return this.queue(community);
  }

  private reviewer(actor: Actor): { reviewedBy: string; reviewedAt: Date } {
    return { reviewedBy: actorId(actor), reviewedAt: new Date() };
  }

  private async queue(community: Organization): Promise<NeedsReviewQueueDto> {
    const [supports, needs, pending] = await Promise.all([
      this.needs.flaggedSupports(community.id, NEEDS_REVIEW_LISTED),
      this.needs.flaggedNeeds(community.id),
      this.needs.pendingReviews(community.id),
    ]);
    const rows = needs.length === 0 ? [] : await this.needs.needsWithCounts({ ids: needs.map((n) => n.id) });
    return {
      communityId: community.id,
      community: community.community,
      pendingSupports: pending.supports,
      supportGroups: groupsOf(supports),
      needs: rows.map(toModeratedNeedResponse),
    };
  }
}

/** Flagged supports by their flags and address, the largest group first: a burst reads as one. */
function groupsOf(flagged: readonly FlaggedSupport[]): FlaggedSupportGroupDto[] {
  const groups = new Map<string, FlaggedSupportGroupDto>();
  for (const { support, needTitle } of flagged) {
    const flags = [...support.flags].sort();
    const key = `${flags.join(',')}\n${support.addressHash ?? ''}`;
    const group = groups.get(key) ?? { flags, addressHash: support.addressHash, count: 0, supports: [] };
    group.count += 1;
    group.supports.push({
      id: support.id,
      needId: support.needId,
      needTitle,
      residentId: support.residentId,
      supportedAt: support.createdAt.toISOString(),
      flags,
      deviceHash: support.deviceHash,
    });
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

import { NeedFlag, NeedState, OrganizationKind, Role, NeedsErrors } from '@app/domain';
import { meanRating } from '@app/grants';
import { Organization } from '@app/persistence';
import { Actor } from '../auth/actor';
import { ModeratedNeedDto, NeedDto } from './dto/needs.dto';
import { NeedWithCounts } from './needs.repository';

/** What the wall shows: needs the community let through, up to their delivery. */
export const ON_THE_WALL: readonly NeedState[] = [
  NeedState.Open,
  NeedState.Listed,
  NeedState.Ordered,
  NeedState.Taken,
  NeedState.Delivered,
];

/** Where the public reads a need's photo: only a need on the wall has one there. */
export const publicPhotoUrl = (needId: string) => `/needs-walls/needs/${needId}/photo`;

/** Where the community reads a photo, before it moderates the need too. */
export const communityPhotoUrl = (needId: string) => `/community/needs/${needId}/photo`;

export function toNeedResponse(row: NeedWithCounts): NeedDto {
  const { need } = row;
  const photoUrl = row.hasPhoto && ON_THE_WALL.includes(need.state) ? publicPhotoUrl(need.id) : null;
  return {
    id: need.id,
    communityId: need.communityId,
    category: need.category,
    title: need.title,
    forWhom: need.forWhom,
    peopleCount: need.peopleCount,
    state: need.state,
    refusalReason: need.refusalReason,
    supports: row.supports,
    rating: { count: row.ratingCount, average: meanRating({ count: row.ratingCount, sum: row.ratingSum }) },
    orderId: need.orderId,
    photoUrl,
    postedAt: need.postedAt.toISOString(),
  };
}

export function toModeratedNeedResponse(row: NeedWithCounts): ModeratedNeedDto {
  return {
    ...toNeedResponse(row),
    flags: [...row.need.flags] as NeedFlag[],
    flaggedSupports: row.flaggedSupports,
    listId: row.need.listId,
    duplicateOf: row.need.duplicateOf,
    photoUrl: row.hasPhoto ? communityPhotoUrl(row.need.id) : null,
  };
}

/** The applicant's organization id, or undefined for any other caller. */
export function applicantOrganization(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.role === Role.Applicant ? actor.organizationId : undefined;
}

/** The community the caller acts for; anything else is refused, the community's rows being its own. */
export function assertCommunity(organization: Organization | null): Organization {
  if (!organization || organization.kind !== OrganizationKind.Community) throw NeedsErrors.notCommunity();
  return organization;
}

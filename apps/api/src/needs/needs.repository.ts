import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { GrantState, NeedState, NEED_FUNNEL, TenantKind } from '@app/domain';
import {
  Competition,
  NeedPhoto,
  NeedSupport,
  NeedsList,
  NeedsWall,
  Organization,
  OrderOffer,
  OrderSubmission,
  ProjectGrant,
  Resident,
  ResidentNeed,
  ServiceOrder,
  Submission,
  Tenant,
  supportCounts,
} from '@app/persistence';

const COUNTS = supportCounts();

/** A flagged support awaiting the community's review, with the need it supports. */
export interface FlaggedSupport {
  readonly support: NeedSupport;
  readonly needTitle: string;
}

/** A need with what the wall shows beside it. */
export interface NeedWithCounts {
  readonly need: ResidentNeed;
  /** Every support but the voided, the poster's own and flagged ones included: a flag asks the community to look. */
  readonly supports: number;
  /** Flagged supports the community has not reviewed yet. */
  readonly flaggedSupports: number;
  readonly hasPhoto: boolean;
  readonly ratingCount: number;
  /** Sum of the ratings given; the average is shown to two decimals. */
  readonly ratingSum: number;
}

/** A grant in the ledger that pays for an order: a linked submission's, once the competition awarded it. */
export interface OrderGrant {
  readonly grantId: string;
  /** The competition's submission that took the order; null for a direct purchase. */
  readonly submissionId: string | null;
  readonly organizationId: string;
  readonly agreementNumber: string;
  readonly amountFen: number;
  readonly state: GrantState;
}

/** The moments one need reached each state, for the funnel. */
export interface NeedTimeline {
  readonly communityId: string;
  readonly state: NeedState;
  readonly moderatedAt: Date | null;
  readonly listedAt: Date | null;
  readonly orderedAt: Date | null;
  readonly takenAt: Date | null;
  readonly deliveredAt: Date | null;
}

/** 点单式: needs walls, needs, supports, lists, orders, offers and linked submissions. */
@Injectable()
export class NeedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  organization(id: string): Promise<Organization | null> {
    return this.dataSource.getRepository(Organization).findOneBy({ id });
  }

  organizations(ids: readonly string[]): Promise<Organization[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Organization).findBy({ id: In([...new Set(ids)]) });
  }

  tenant(id: string): Promise<Tenant | null> {
    return this.dataSource.getRepository(Tenant).findOneBy({ id });
  }

  streetOffices(): Promise<Tenant[]> {
    return this.dataSource.getRepository(Tenant).find({ where: { kind: TenantKind.Street }, order: { name: 'ASC' } });
  }

  wall(organizationId: string, manager: EntityManager = this.dataSource.manager): Promise<NeedsWall | null> {
    return manager.getRepository(NeedsWall).findOneBy({ organizationId });
  }

  /** Every open wall with its community and office, by community name. */
  async walls(): Promise<{ wall: NeedsWall; community: Organization; office: Tenant }[]> {
    const walls = await this.dataSource.getRepository(NeedsWall).find();
    const [communities, offices] = await Promise.all([
      this.organizations(walls.map((w) => w.organizationId)),
      walls.length === 0
        ? Promise.resolve([])
        : this.dataSource.getRepository(Tenant).findBy({ id: In([...new Set(walls.map((w) => w.tenantId))]) }),
    ]);
    return walls
      .flatMap((wall) => {
        const community = communities.find((c) => c.id === wall.organizationId);
        const office = offices.find((o) => o.id === wall.tenantId);
        return community && office ? [{ wall, community, office }] : [];
      })
      .sort((a, b) => a.community.community.localeCompare(b.community.community, 'zh-CN'));
  }

  async saveWall(manager: EntityManager, wall: Omit<NeedsWall, 'openedAt' | 'updatedAt'>): Promise<void> {
    await manager.getRepository(NeedsWall).upsert(wall, ['organizationId']);
  }

  hasNeeds(communityId: string, manager: EntityManager): Promise<boolean> {
    return manager.getRepository(ResidentNeed).existsBy({ communityId });
  }

  residentByDigest(digests: readonly { keyId: string; digest: string }[]): Promise<Resident | null> {
    return this.dataSource.getRepository(Resident).findOne({
      where: digests.map((d) => ({ digest: d.digest, digestKeyId: d.keyId })),
    });
  }

  /** The phone's resident, made on first sight; two first sign-ins at once find the same row. */
  async phoneResident(digest: { keyId: string; digest: string }): Promise<Resident> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Resident)
      .values({
        method: 'phone' as Resident['method'],
        digest: digest.digest,
        digestKeyId: digest.keyId,
        communityId: null,
      })
      .orIgnore()
      .execute();
    return this.dataSource.getRepository(Resident).findOneByOrFail({ digest: digest.digest });
  }

  codeResident(communityId: string): Promise<Resident> {
    const repository = this.dataSource.getRepository(Resident);
    return repository.save(
      repository.create({ method: 'code' as Resident['method'], digest: null, digestKeyId: null, communityId }),
    );
  }

  insertNeed(manager: EntityManager, need: Partial<ResidentNeed>): Promise<ResidentNeed> {
    const repository = manager.getRepository(ResidentNeed);
    return repository.save(repository.create(need));
  }

  /** The need, its row locked for the transition the caller is making. */
  lockNeed(manager: EntityManager, id: string): Promise<ResidentNeed | null> {
    return manager.getRepository(ResidentNeed).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockNeeds(manager: EntityManager, ids: readonly string[]): Promise<ResidentNeed[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .getRepository(ResidentNeed)
      .find({ where: { id: In([...ids]) }, lock: { mode: 'pessimistic_write' }, order: { id: 'ASC' } });
  }

  lockNeedsOnOrder(manager: EntityManager, orderId: string): Promise<ResidentNeed[]> {
    return manager
      .getRepository(ResidentNeed)
      .find({ where: { orderId }, lock: { mode: 'pessimistic_write' }, order: { id: 'ASC' } });
  }

  async saveNeeds(manager: EntityManager, needs: readonly ResidentNeed[]): Promise<void> {
    await manager.getRepository(ResidentNeed).save([...needs]);
  }

  need(id: string): Promise<ResidentNeed | null> {
    return this.dataSource.getRepository(ResidentNeed).findOneBy({ id });
  }

  /**
   * The unanswered needs of the community with the same words (blanks and case aside), the earliest
   * first: what a repeated post is refused or flagged by.
   */
  sameText(manager: EntityManager, communityId: string, title: string): Promise<ResidentNeed[]> {
    return manager
      .getRepository(ResidentNeed)
      .createQueryBuilder('n')
      .where('n.community_id = :communityId', { communityId })
      .andWhere(`regexp_replace(lower(n.title), '\\s', '', 'g') = regexp_replace(lower(:title), '\\s', '', 'g')`, {
        title,
      })
      .andWhere('n.state IN (:...states)', { states: [NeedState.Pending, NeedState.Open, NeedState.Listed] })
      .orderBy('n.posted_at', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();
  }

  /** True when the support was added; false when the resident had already supported the need. */
  async addSupport(
    manager: EntityManager,
    support: Pick<NeedSupport, 'needId' | 'residentId' | 'tenantId' | 'flags' | 'addressHash' | 'deviceHash'>,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO need_support (need_id, resident_id, tenant_id, flags, address_hash, device_hash)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (need_id, resident_id) DO NOTHING RETURNING need_id`,
      [
        support.needId,
        support.residentId,
        support.tenantId,
        JSON.stringify(support.flags),
        support.addressHash,
        support.deviceHash,
      ],
    );
    return rows.length === 1;
  }

  /** When the resident last supported a neighbour's need (a post's own support is no tap), or null. */
  async lastSupportAt(manager: EntityManager, residentId: string): Promise<Date | null> {
    const [row] = await manager.query<{ at: Date | null }[]>(
      `SELECT max(s.created_at) AS at FROM need_support s JOIN resident_need n ON n.id = s.need_id
        WHERE s.resident_id = $1 AND n.posted_by <> $1`,
      [residentId],
    );
    return row.at;
  }

  support(manager: EntityManager, needId: string, residentId: string): Promise<NeedSupport | null> {
    return manager
      .getRepository(NeedSupport)
      .findOne({ where: { needId, residentId }, lock: { mode: 'pessimistic_write' } });
  }

  async saveSupport(manager: EntityManager, support: NeedSupport): Promise<void> {
    await manager.getRepository(NeedSupport).save(support);
  }

  /** Needs with their counts; `states` narrows them, `postedBy` gives one resident's own. */
  async needsWithCounts(filter: {
    ids?: readonly string[];
    communityId?: string;
    states?: readonly NeedState[];
    postedBy?: string;
    listIds?: readonly string[];
    orderIds?: readonly string[];
  }): Promise<NeedWithCounts[]> {
    const query = this.dataSource.getRepository(ResidentNeed).createQueryBuilder('n');
    if (filter.ids) query.andWhere('n.id IN (:...ids)', { ids: filter.ids });
    if (filter.communityId) query.andWhere('n.community_id = :communityId', { communityId: filter.communityId });
    if (filter.states) query.andWhere('n.state IN (:...states)', { states: filter.states });
    if (filter.postedBy) query.andWhere('n.posted_by = :postedBy', { postedBy: filter.postedBy });
    if (filter.listIds) {
      if (filter.listIds.length === 0) return [];
      query.andWhere('n.list_id IN (:...listIds)', { listIds: filter.listIds });
    }
    if (filter.orderIds) {
      if (filter.orderIds.length === 0) return [];
      query.andWhere('n.order_id IN (:...orderIds)', { orderIds: filter.orderIds });
    }
    const needs = await query.orderBy('n.posted_at', 'DESC').addOrderBy('n.id', 'ASC').getMany();
    if (needs.length === 0) return [];
    const ids = needs.map((n) => n.id);
    const [counts, photos] = await Promise.all([
      this.dataSource.query<
        { need_id: string; supports: string; flagged: string; rated: string; rating_sum: string }[]
      >(
        `SELECT need_id,
                count(*) FILTER (WHERE ${COUNTS}) AS supports,
                count(*) FILTER (WHERE flags <> '[]'::jsonb AND review_decision IS NULL) AS flagged,
                count(rating) FILTER (WHERE ${COUNTS}) AS rated,
                coalesce(sum(rating) FILTER (WHERE ${COUNTS}), 0) AS rating_sum
           FROM need_support WHERE need_id = ANY($1) GROUP BY need_id`,
        [ids],
      ),
      this.dataSource.getRepository(NeedPhoto).find({ where: { needId: In(ids) }, select: { needId: true } }),
    ]);
    const byNeed = new Map(counts.map((c) => [c.need_id, c]));
    const withPhoto = new Set(photos.map((p) => p.needId));
    return needs.map((need) => {
      const c = byNeed.get(need.id);
      return {
        need,
        supports: Number(c?.supports ?? 0),
        flaggedSupports: Number(c?.flagged ?? 0),
        hasPhoto: withPhoto.has(need.id),
        ratingCount: Number(c?.rated ?? 0),
        ratingSum: Number(c?.rating_sum ?? 0),
      };
    });
  }

  /** The community's flagged supports not reviewed yet, oldest first, at most `limit`. */
  async flaggedSupports(communityId: string, limit: number): Promise<FlaggedSupport[]> {
    const rows = await this.dataSource
      .getRepository(NeedSupport)
      .createQueryBuilder('s')
      .innerJoin(ResidentNeed, 'n', 'n.id = s.need_id')
      .addSelect('n.title', 'need_title')
      .where('n.community_id = :communityId', { communityId })
      .andWhere(`s.flags <> '[]'::jsonb`)
      .andWhere('s.review_decision IS NULL')
      .orderBy('s.created_at', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(limit)
      .getRawAndEntities();
    return rows.entities.map((support, index) => ({
      support,
      needTitle: String((rows.raw[index] as { need_title: string }).need_title),
    }));
  }

  /** How many of the community's flagged supports and needs await review. */
  async pendingReviews(communityId: string): Promise<{ supports: number; needs: number }> {
    const [row] = await this.dataSource.query<{ supports: string; needs: string }[]>(
      `SELECT (SELECT count(*) FROM need_support s JOIN resident_need n ON n.id = s.need_id
                WHERE n.community_id = $1 AND s.flags <> '[]'::jsonb AND s.review_decision IS NULL) AS supports,
              (SELECT count(*) FROM resident_need n
                WHERE n.community_id = $1 AND n.flags <> '[]'::jsonb AND n.review_decision IS NULL
                  AND n.state <> 'refused') AS needs`,
      [communityId],
    );
    return { supports: Number(row.supports), needs: Number(row.needs) };
  }

  /** The community's flagged needs not reviewed yet (refused ones are answered already). */
  flaggedNeeds(communityId: string): Promise<ResidentNeed[]> {
    return this.dataSource
      .getRepository(ResidentNeed)
      .createQueryBuilder('n')
      .where('n.community_id = :communityId', { communityId })
      .andWhere(`n.flags <> '[]'::jsonb`)
      .andWhere('n.review_decision IS NULL')
      .andWhere('n.state <> :refused', { refused: NeedState.Refused })
      .orderBy('n.posted_at', 'ASC')
      .addOrderBy('n.id', 'ASC')
      .getMany();
  }

  lockSupports(manager: EntityManager, ids: readonly string[]): Promise<NeedSupport[]> {
    return manager
      .getRepository(NeedSupport)
      .find({ where: { id: In([...ids]) }, lock: { mode: 'pessimistic_write' }, order: { id: 'ASC' } });
  }

  async saveSupports(manager: EntityManager, supports: readonly NeedSupport[]): Promise<void> {
    await manager.getRepository(NeedSupport).save([...supports]);
  }

  async savePhoto(manager: EntityManager, photo: Omit<NeedPhoto, 'tenantId' | 'uploadedAt'>): Promise<void> {
    await manager.getRepository(NeedPhoto).upsert(photo, ['needId']);
  }

  /** The need's photo with its bytes, or null. */
  photo(needId: string): Promise<NeedPhoto | null> {
    return this.dataSource.getRepository(NeedPhoto).findOne({
      where: { needId },
      select: { needId: true, contentType: true, sizeBytes: true, sha256: true, bytes: true, uploadedAt: true },
    });
  }

  insertList(manager: EntityManager, list: Partial<NeedsList>): Promise<NeedsList> {
    const repository = manager.getRepository(NeedsList);
    return repository.save(repository.create(list));
  }

  lists(communityId: string): Promise<NeedsList[]> {
    return this.dataSource
      .getRepository(NeedsList)
      .find({ where: { communityId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  competition(id: string, manager: EntityManager = this.dataSource.manager): Promise<Competition | null> {
    return manager.getRepository(Competition).findOneBy({ id });
  }

  insertOrder(manager: EntityManager, order: Partial<ServiceOrder>): Promise<ServiceOrder> {
    const repository = manager.getRepository(ServiceOrder);
    return repository.save(repository.create(order));
  }

  lockOrder(manager: EntityManager, id: string): Promise<ServiceOrder | null> {
    return manager.getRepository(ServiceOrder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveOrder(manager: EntityManager, order: ServiceOrder): Promise<ServiceOrder> {
    return manager.getRepository(ServiceOrder).save(order);
  }

  order(id: string): Promise<ServiceOrder | null> {
    return this.dataSource.getRepository(ServiceOrder).findOneBy({ id });
  }

  /** The orders the connection's offices see (row-level security), narrowed by the filter. */
  orders(filter: { communityId?: string; published?: boolean }): Promise<ServiceOrder[]> {
    const query = this.dataSource.getRepository(ServiceOrder).createQueryBuilder('o');
    if (filter.communityId) query.andWhere('o.community_id = :communityId', { communityId: filter.communityId });
    if (filter.published) query.andWhere(`o.state <> 'draft'`);
    return query.orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'ASC').getMany();
  }

  offers(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<OrderOffer[]> {
    return manager.getRepository(OrderOffer).find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The new offer, or null when the organization had already offered for the order. */
  async insertOffer(
    manager: EntityManager,
    offer: Pick<OrderOffer, 'tenantId' | 'orderId' | 'organizationId' | 'amountFen' | 'plan' | 'state' | 'createdBy'>,
  ): Promise<OrderOffer | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO order_offer (tenant_id, order_id, organization_id, amount_fen, plan, state, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (order_id, organization_id) DO NOTHING RETURNING id`,
      [offer.tenantId, offer.orderId, offer.organizationId, offer.amountFen, offer.plan, offer.state, offer.createdBy],
    );
    return rows.length === 1 ? manager.getRepository(OrderOffer).findOneByOrFail({ id: rows[0].id }) : null;
  }

  async saveOffers(manager: EntityManager, offers: readonly OrderOffer[]): Promise<void> {
    await manager.getRepository(OrderOffer).save([...offers]);
  }

  submission(id: string, manager: EntityManager = this.dataSource.manager): Promise<Submission | null> {
    return manager.getRepository(Submission).findOneBy({ id });
  }

  linkedSubmission(manager: EntityManager, submissionId: string): Promise<OrderSubmission | null> {
    return manager.getRepository(OrderSubmission).findOneBy({ submissionId });
  }

  async linkSubmission(manager: EntityManager, link: Omit<OrderSubmission, 'createdAt'>): Promise<void> {
    await manager.getRepository(OrderSubmission).insert(link);
  }

  linkedSubmissions(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<OrderSubmission[]> {
    return manager.getRepository(OrderSubmission).find({ where: { orderId }, order: { createdAt: 'ASC' } });
  }

  submissions(ids: readonly string[]): Promise<Submission[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(Submission).findBy({ id: In([...ids]) });
  }

  /** The grants the ledger holds for the order's linked submissions. */
  /** The order's grants in the ledger: its direct purchase's, or those of the competition's linked submissions. */
  async grantsOf(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<OrderGrant[]> {
    const links = await this.linkedSubmissions(orderId, manager);
    const grants = await manager.getRepository(ProjectGrant).find({
      where: [{ orderId }, ...(links.length > 0 ? [{ submissionId: In(links.map((l) => l.submissionId)) }] : [])],
      order: { agreementNumber: 'ASC' },
    });
    return grants.map((g) => ({
      grantId: g.id,
      submissionId: g.submissionId,
      organizationId: g.organizationId,
      agreementNumber: g.agreementNumber,
      amountFen: g.amountFen,
      state: g.state,
    }));
  }

  /** Needs still free to be put on an order: listed and on none. */
  freeListedNeeds(communityId: string): Promise<ResidentNeed[]> {
    return this.dataSource
      .getRepository(ResidentNeed)
      .find({ where: { communityId, state: NeedState.Listed, orderId: IsNull() } });
  }

  /** Every need of the office's communities that passed moderation, with the moments it reached each state. */
  async timelines(tenantId: string): Promise<NeedTimeline[]> {
    return this.dataSource.getRepository(ResidentNeed).find({
      where: { tenantId, state: In([...NEED_FUNNEL]) },
      select: {
        communityId: true,
        state: true,
        moderatedAt: true,
        listedAt: true,
        orderedAt: true,
        takenAt: true,
        deliveredAt: true,
      },
    });
  }
}

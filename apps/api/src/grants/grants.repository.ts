import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { GrantSource, GrantState, GrantTerms, ReportKind, ReportState, TrancheState } from '@app/domain';
import {
  Agreement,
  Competition,
  EvaluationResultRow,
  GrantBudget,
  GrantRefund,
  GrantReport,
  GrantTranche,
  Organization,
  ProjectGrant,
  OrderOffer,
  PurchaseAgreement,
  ReportSpending,
  RowWindow,
  ServiceOrder,
  Submission,
  Tenant,
} from '@app/persistence';

export interface GrantFilter {
  readonly competitionId?: string;
  readonly state?: GrantState;
  readonly source?: GrantSource;
  /** An applicant's own organization: nothing else is listed. */
  readonly organizationId?: string;
}

export interface TrancheQueueFilter {
  readonly state: TrancheState;
  readonly competitionId?: string;
  /** Today in Beijing: a planned tranche waiting for a date that has come is in the eligible queue. */
  readonly today: string;
}

/** Everything the ledger's steps read about one grant, inside the caller's transaction. */
export interface GrantSnapshot {
  readonly grant: ProjectGrant;
  readonly tranches: GrantTranche[];
  readonly refunds: GrantRefund[];
}

/** The grants ledger's tables: grants, tranches, budget versions and refunds, and the rows they start from. */
@Injectable()
export class GrantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  lockAgreement(manager: EntityManager, id: string): Promise<Agreement | null> {
    return manager.getRepository(Agreement).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findAgreement(id: string): Promise<Agreement | null> {
    return this.dataSource.getRepository(Agreement).findOneBy({ id });
  }

  findSubmission(manager: EntityManager, id: string): Promise<Submission | null> {
    return manager.getRepository(Submission).findOneBy({ id });
  }

  findOrganization(manager: EntityManager, id: string): Promise<Organization | null> {
    return manager.getRepository(Organization).findOneBy({ id });
  }

  findCompetition(id: string): Promise<Competition | null> {
    return this.dataSource.getRepository(Competition).findOneBy({ id });
  }

  grantOfSubmission(manager: EntityManager, submissionId: string): Promise<ProjectGrant | null> {
    return manager.getRepository(ProjectGrant).findOneBy({ submissionId });
  }

  grantOfOrder(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectGrant | null> {
    return manager.getRepository(ProjectGrant).findOneBy({ orderId });
  }

  /**
   * How many purchase agreements the office has, read under a lock held to the end of the
   * transaction, so two purchases of one office at once do not take the same number.
   */
  async numberPurchaseAgreement(manager: EntityManager, tenantId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('purchase_agreement:' || $1))`, [tenantId]);
    return manager.getRepository(PurchaseAgreement).countBy({ tenantId });
  }

  /** The service order locked for the purchase, so two clerks buying it at once take turns. */
  lockOrder(manager: EntityManager, id: string): Promise<ServiceOrder | null> {
    return manager.getRepository(ServiceOrder).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findOrder(id: string): Promise<ServiceOrder | null> {
    return this.dataSource.getRepository(ServiceOrder).findOneBy({ id });
  }

  findOffer(manager: EntityManager, id: string): Promise<OrderOffer | null> {
    return manager.getRepository(OrderOffer).findOneBy({ id });
  }

  findTenant(manager: EntityManager, id: string): Promise<Tenant | null> {
    return manager.getRepository(Tenant).findOneBy({ id });
  }

  async insertPurchaseAgreement(
    manager: EntityManager,
    row: Omit<PurchaseAgreement, 'id' | 'createdAt'>,
  ): Promise<PurchaseAgreement> {
    return manager.getRepository(PurchaseAgreement).save(manager.getRepository(PurchaseAgreement).create(row));
  }

  /** The purchase agreement with its PDF bytes (left out of ordinary reads). */
  purchaseAgreementPdf(id: string): Promise<PurchaseAgreement | null> {
    return this.dataSource
      .getRepository(PurchaseAgreement)
      .createQueryBuilder('a')
      .addSelect('a.pdf')
      .where('a.id = :id', { id })
      .getOne();
  }

  /**
   * What the grant is held to: a direct purchase's own frozen terms, else its competition's rules
   * (null when the competition cannot be read, which the callers treat as a missing grant).
   */
  async termsOf(grant: ProjectGrant, manager: EntityManager = this.dataSource.manager): Promise<GrantTerms | null> {
    if (grant.terms) return grant.terms;
    if (!grant.competitionId) return null;
    return (await manager.getRepository(Competition).findOneBy({ id: grant.competitionId }))?.rules ?? null;
  }

  findGrant(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectGrant | null> {
    return manager.getRepository(ProjectGrant).findOneBy({ id });
  }

  /**
   * The grant row locked for the rest of the transaction, then its tranches and refunds read after
   * the lock: every money step on a grant goes through here, so two clerks acting on the same grant
   * at once take turns, and the second sees what the first did.
   */
  async lockGrant(manager: EntityManager, id: string): Promise<GrantSnapshot | null> {
    const grant = await manager
      .getRepository(ProjectGrant)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!grant) return null;
    const [tranches, refunds] = await Promise.all([this.tranchesOf(id, manager), this.refundsOf(id, manager)]);
    return { grant, tranches, refunds };
  }

  tranchesOf(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<GrantTranche[]> {
    return manager.getRepository(GrantTranche).find({ where: { grantId }, order: { sequence: 'ASC' } });
  }

  refundsOf(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<GrantRefund[]> {
    return manager.getRepository(GrantRefund).find({ where: { grantId }, order: { openedAt: 'ASC' } });
  }

  findTranche(id: string): Promise<GrantTranche | null> {
    return this.dataSource.getRepository(GrantTranche).findOneBy({ id });
  }

  findRefund(id: string): Promise<GrantRefund | null> {
    return this.dataSource.getRepository(GrantRefund).findOneBy({ id });
  }

  async insertGrant(
    manager: EntityManager,
    grant: Omit<ProjectGrant, 'createdAt' | 'updatedAt'>,
    tranches: readonly GrantTranche[],
    budget: Omit<GrantBudget, 'createdAt'>,
  ): Promise<void> {
    await manager.getRepository(ProjectGrant).insert(grant);
    await manager.getRepository(GrantTranche).save([...tranches]);
    await manager.getRepository(GrantBudget).insert(budget);
  }

  async saveGrant(manager: EntityManager, grant: ProjectGrant): Promise<void> {
    await manager.getRepository(ProjectGrant).save(grant);
  }

  async saveTranches(manager: EntityManager, tranches: readonly GrantTranche[]): Promise<void> {
    if (tranches.length > 0) await manager.getRepository(GrantTranche).save([...tranches]);
  }

  async saveRefund(manager: EntityManager, refund: GrantRefund): Promise<void> {
    await manager.getRepository(GrantRefund).save(refund);
  }

  /** Whether a payment already carries this voucher (case-insensitive, as the unique index reads it). */
  voucherTaken(manager: EntityManager, voucherNumber: string): Promise<boolean> {
    return manager
      .getRepository(GrantTranche)
      .createQueryBuilder('t')
      .where('lower(t.voucher_number) = lower(:voucherNumber)', { voucherNumber })
      .getExists();
  }

  /** The grant's passed evaluations, oldest first: evidence for the tranches waiting on them. */
  async passedEvaluations(
    manager: EntityManager,
    grantId: string,
  ): Promise<{ roundId: string; stage: 'mid' | 'final'; score: string; band: string }[]> {
    const rows = await manager
      .getRepository(EvaluationResultRow)
      .find({ where: { grantId, passed: true }, order: { createdAt: 'ASC' } });
    return rows.map((row) => ({ roundId: row.roundId, stage: row.forStage, score: row.score, band: row.band }));
  }

  acceptedReports(manager: EntityManager, grantId: string): Promise<{ id: string; kind: ReportKind }[]> {
    return manager
      .getRepository(GrantReport)
      .find({ select: { id: true, kind: true }, where: { grantId, state: ReportState.Accepted } });
  }

  /** The spending of every accepted report, each listing every line of the budget. */
  async acceptedSpending(manager: EntityManager, grantId: string): Promise<ReportSpending[][]> {
    const reports = await manager
      .getRepository(GrantReport)
      .find({ select: { id: true, spending: true }, where: { grantId, state: ReportState.Accepted } });
    return reports.map((r) => r.spending);
  }

  currentBudget(grantId: string, manager: EntityManager = this.dataSource.manager): Promise<GrantBudget> {
    return manager.getRepository(GrantBudget).findOneOrFail({ where: { grantId }, order: { version: 'DESC' } });
  }

  budgetHistory(grantId: string): Promise<GrantBudget[]> {
    return this.dataSource.getRepository(GrantBudget).find({ where: { grantId }, order: { version: 'ASC' } });
  }

  async insertBudget(manager: EntityManager, budget: Omit<GrantBudget, 'createdAt'>): Promise<void> {
    await manager.getRepository(GrantBudget).insert(budget);
  }

  async list(filter: GrantFilter, window: RowWindow): Promise<[ProjectGrant[], number]> {
    return this.dataSource.getRepository(ProjectGrant).findAndCount({
      where: {
        ...(filter.competitionId ? { competitionId: filter.competitionId } : {}),
        ...(filter.state ? { state: filter.state } : {}),
        ...(filter.source === GrantSource.Competition ? { submissionId: Not(IsNull()) } : {}),
        ...(filter.source === GrantSource.DirectPurchase ? { orderId: Not(IsNull()) } : {}),
        ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
      },
      order: { agreementNumber: 'ASC', id: 'ASC' },
      skip: window.skip,
      take: window.take,
    });
  }

  /** Every grant of a competition, in agreement-number order (the finance export). */
  ofCompetition(competitionId: string): Promise<ProjectGrant[]> {
    return this.dataSource
      .getRepository(ProjectGrant)
      .find({ where: { competitionId }, order: { agreementNumber: 'ASC' } });
  }

  /** Every direct purchase's grant of an office, in agreement-number order (their finance export). */
  ofDirectPurchases(tenantId: string): Promise<ProjectGrant[]> {
    return this.dataSource
      .getRepository(ProjectGrant)
      .find({ where: { tenantId, orderId: Not(IsNull()) }, order: { agreementNumber: 'ASC' } });
  }

  tranchesOfGrants(grantIds: readonly string[]): Promise<GrantTranche[]> {
    if (grantIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(GrantTranche)
      .find({ where: { grantId: In([...grantIds]) }, order: { sequence: 'ASC' } });
  }

  refundsOfGrants(grantIds: readonly string[]): Promise<GrantRefund[]> {
    if (grantIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(GrantRefund).findBy({ grantId: In([...grantIds]) });
  }

  grantsById(ids: readonly string[]): Promise<ProjectGrant[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ProjectGrant).findBy({ id: In([...ids]) });
  }

  /** {@link termsOf} for many grants at once, by grant id; a grant whose competition cannot be read is left out. */
  async termsOfGrants(grants: readonly ProjectGrant[]): Promise<Map<string, GrantTerms>> {
    const ids = [...new Set(grants.flatMap((g) => (g.terms || !g.competitionId ? [] : [g.competitionId])))];
    const competitions =
      ids.length === 0 ? [] : await this.dataSource.getRepository(Competition).findBy({ id: In(ids) });
    return new Map(
      grants.flatMap((g): [string, GrantTerms][] => {
        const terms = g.terms ?? competitions.find((c) => c.id === g.competitionId)?.rules;
        return terms ? [[g.id, terms]] : [];
      }),
    );
  }

  /** Each grant's project title by grant id: its submission's, or a direct purchase's order's. */
  async projectTitles(grants: readonly ProjectGrant[]): Promise<Map<string, string>> {
    const submissionIds = grants.flatMap((g) => (g.submissionId ? [g.submissionId] : []));
    const orderIds = grants.flatMap((g) => (g.orderId ? [g.orderId] : []));
    const [submissions, orders] = await Promise.all([
      submissionIds.length === 0
        ? []
        : this.dataSource
            .getRepository(Submission)
            .find({ select: { id: true, title: true }, where: { id: In(submissionIds) } }),
      orderIds.length === 0
        ? []
        : this.dataSource
            .getRepository(ServiceOrder)
            .find({ select: { id: true, title: true }, where: { id: In(orderIds) } }),
    ]);
    const titles = new Map([...submissions, ...orders].map((row) => [row.id, row.title]));
    return new Map(grants.map((g) => [g.id, titles.get(g.submissionId ?? g.orderId ?? '') ?? '']));
  }

  /**
   * Tranches in one state, oldest grant first. The eligible queue also holds planned tranches
   * waiting only for a date that has come: they become eligible in storage when approved.
   */
  trancheQueue(filter: TrancheQueueFilter, window: RowWindow): Promise<[GrantTranche[], number]> {
    const query = this.dataSource
      .getRepository(GrantTranche)
      .createQueryBuilder('t')
      .innerJoin(ProjectGrant, 'g', 'g.id = t.grant_id')
      .where('g.state IN (:...open)', { open: [GrantState.Active, GrantState.Suspended] });
    if (filter.competitionId)
      query.andWhere('g.competition_id = :competitionId', { competitionId: filter.competitionId });
    query.andWhere(
      new Brackets((where) => {
        where.where('t.state = :state', { state: filter.state });
        if (filter.state === TrancheState.Eligible) {
          where.orWhere(
            `(t.state = :planned AND t.condition ->> 'kind' = 'date' AND t.condition ->> 'date' <= :today)`,
            { planned: TrancheState.Planned, today: filter.today },
          );
        }
      }),
    );
    return (
      query
        .orderBy('g.agreementNumber', 'ASC')
        .addOrderBy('t.sequence', 'ASC')
        // Joined one-to-one: plain offset and limit, no DISTINCT sub-query (which cannot order by the join).
        .offset(window.skip)
        .limit(window.take)
        .getManyAndCount()
    );
  }
}

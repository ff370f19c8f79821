import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScoreComponents } from '@app/application';
import {
  CompetitionErrors,
  CompetitionRules,
  ScoreComponentRule,
  VoteErrors,
  VoteResultsVisibility,
  VoteReviewDecision,
  VoteRoundPhase,
} from '@app/domain';
import {
  AuditRepository,
  CompetitionsRepository,
  ComponentValuesRepository,
  VoteRound,
  tallyValidVotes,
} from '@app/persistence';
import { VOTE_EXPORT_COLUMNS, VOTE_EXPORT_VOID, votePointsOf } from '@app/scoring';
import { Actor, actorId } from '../auth/actor';
import { auditActor } from '../auth/audit-actor';
import { CredentialDigestService } from '../auth/credential-digest.service';
import { generateSignInCode, signInCodeDigest } from '../auth/sign-in-code';
import { csvHeader, csvLines } from '../common/csv';
import { categoryOf } from '../roadshows/competition-scoring';
import { qrMatrixOf } from '../roadshows/sign-in-link';
import {
  CreateVoteRoundDto,
  IssuedVoterCodesDto,
  TallyDto,
  TallyRowDto,
  UpdateVoteRoundDto,
  VoteCodeBatchDto,
  VoteReviewInputDto,
  VoteRoundDetailDto,
  VoteRoundDto,
  VotePointsDto,
  VoteRoundSettingsDto,
} from './dto/vote-round.dto';
import { BallotDto, OpenVoteRoundListDto, ReviewGroupDto, ReviewQueueDto, ReviewResultDto } from './dto/voter.dto';
import { phaseAt } from './vote-limits';
import { BallotProject, VoteRow, VotesRepository } from './votes.repository';

/** A code colliding with another is a one-in-10^11 event per pair; drawing the batch again is enough. */
const BATCH_ATTEMPTS = 3;

/** A batch whose codes collided with codes already issued; it is drawn again. */
class BatchCollision extends Error {}

/** The most flagged votes one page of the review queue lists. */
const REVIEW_PAGE = 1000;

/** Votes read per query while the export streams: a few megabytes of rows at a time. */
const EXPORT_BATCH = 5000;

/** The export as it streams: the CSV's pieces, header first. */
export interface VoteExport {
  readonly filename: string;
  readonly contentType: string;
  readonly chunks: AsyncIterable<string>;
}

/** The voting page for phones; the round sits in the fragment, as the tablets' links do. */
export function votePageUrl(origin: string, roundId: string): string {
  return `${origin}/vote/#r=${encodeURIComponent(roundId)}`;
}

/** The settings both the office and the public read. */
function settingsOf(round: VoteRound, now: Date): VoteRoundSettingsDto {
  return {
    id: round.id,
    title: round.title,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    phase: phaseAt(round, now),
    limits: {
      votesPerDay: round.votesPerDay,
      votesTotal: round.votesTotal,
      perProject: round.perProject,
      perCategory: round.perCategory,
    },
    communities: [...round.communities],
    methods: [...round.methods],
    resultsVisibility: round.resultsVisibility,
  };
}

export function toVoteRoundDto(round: VoteRound, now: Date = new Date()): VoteRoundDto {
  return {
    ...settingsOf(round, now),
    competitionId: round.competitionId,
    componentKey: round.componentKey,
    version: round.version,
  };
}

/** The public sees counts while the round is open only when it shows them live; after it closes, always. */
export function resultsShown(round: VoteRound, now: Date = new Date()): boolean {
  return round.resultsVisibility === VoteResultsVisibility.Live || phaseAt(round, now) === VoteRoundPhase.Closed;
}

type RoundSettings = Pick<
  VoteRound,
  'opensAt' | 'closesAt' | 'votesPerDay' | 'votesTotal' | 'perProject' | 'perCategory'
>;

/** Settings that contradict each other: a limit no voter could ever reach is a mistake, not a rule. */
function assertConsistent(settings: RoundSettings): void {
  if (settings.closesAt.getTime() <= settings.opensAt.getTime()) throw VoteErrors.windowInvalid();
  if (settings.votesPerDay !== null && settings.votesPerDay > settings.votesTotal) {
    throw VoteErrors.limitsInconsistent(
      'votesPerDay',
      '每天票数不能多于总票数',
      'votes per day cannot exceed the votes in all',
    );
  }
  if (settings.perProject > settings.votesTotal) {
    throw VoteErrors.limitsInconsistent(
      'perProject',
      '同一项目票数不能多于总票数',
      'votes per project cannot exceed the votes in all',
    );
  }
  if (settings.perCategory !== null && settings.perCategory < settings.perProject) {
    throw VoteErrors.limitsInconsistent(
      'perCategory',
      '同类项目票数不能少于同一项目票数',
      'votes per category cannot be fewer than votes per project',
    );
  }
}

/** Projects with their valid votes, most first, then in the ballot's order. */
function tallyRows(projects: readonly BallotProject[], tally: ReadonlyMap<string, number>): TallyRowDto[] {
  return projects
    .map((project, index) => ({ project, index, votes: tally.get(project.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.index - b.index)
    .map(({ project, votes }) => ({
      projectId: project.id,
      title: project.title,
      community: project.community,
      votes,
    }));
}

function batchDto(batch: { id: string; community: string; size: number; issuedAt: Date }): VoteCodeBatchDto {
  return { id: batch.id, community: batch.community, size: batch.size, issuedAt: batch.issuedAt.toISOString() };
}

/**
 * The office's side of the public vote: rounds and their settings, printed code batches, the
 * review of flagged votes, the export; and the public's ballot and tally.
 */
@Injectable()
export class VoteRoundsService {
  constructor(
    private readonly votes: VotesRepository,
    private readonly competitions: CompetitionsRepository,
    private readonly audit: AuditRepository,
    private readonly digests: CredentialDigestService,
    private readonly componentValues: ComponentValuesRepository,
    private readonly scoreComponents: ScoreComponents,
  ) {}

  async create(actor: Actor, competitionId: string, dto: CreateVoteRoundDto): Promise<VoteRoundDetailDto> {
    const settings = {
      opensAt: new Date(dto.opensAt),
      closesAt: new Date(dto.closesAt),
      votesPerDay: dto.votesPerDay,
      votesTotal: dto.votesTotal,
      perProject: dto.perProject,
      perCategory: dto.perCategory,
    };
    assertConsistent(settings);
    const id = await this.votes.transaction(async (manager) => {
      const competition = await this.competitions.lock(manager, competitionId, 'share');
      if (!competition) throw CompetitionErrors.notFound();
      if (dto.componentKey) voteComponentOf(competition.rules, dto.componentKey);
      const repository = manager.getRepository(VoteRound);
      const round = await repository.save(
        repository.create({
          competitionId,
          title: dto.title,
          ...settings,
          communities: dto.communities,
          methods: dto.methods,
          resultsVisibility: dto.resultsVisibility,
          componentKey: dto.componentKey,
          createdBy: actorId(actor),
        }),
      );
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'vote.round.create',
          subjectType: 'vote-round',
          subjectId: round.id,
          after: toVoteRoundDto(round),
        },
        manager,
      );
      return round.id;
    });
    return this.detail(id);
  }

  async list(competitionId: string): Promise<VoteRoundDto[]> {
    if (!(await this.competitions.findById(competitionId))) throw CompetitionErrors.notFound();
    const now = new Date();
    return (await this.votes.roundsOf(competitionId)).map((round) => toVoteRoundDto(round, now));
  }

  async detail(roundId: string): Promise<VoteRoundDetailDto> {
    const round = await this.round(roundId);
    const [projects, tally, counts, batches] = await Promise.all([
      this.eligibleProjects(round.competitionId),
      this.votes.tally(roundId),
      this.votes.counts(roundId),
      this.votes.batchesOf(roundId),
    ]);
    return {
      ...toVoteRoundDto(round),
      counts: {
        votes: counts.votes,
        valid: counts.votes - counts.voided,
        voided: counts.voided,
        pendingReview: counts.pending,
        voters: counts.voters,
      },
      tally: tallyRows(projects, tally),
      codeBatches: batches.map(batchDto),
    };
  }

  /** Changes the settings of a round that has not opened yet; a round once open keeps its rules. */
  async update(actor: Actor, roundId: string, dto: UpdateVoteRoundDto): Promise<VoteRoundDetailDto> {
    await this.votes.transaction(async (manager) => {
      const round = await this.votes.lockRound(manager, roundId);
      if (!round) throw VoteErrors.roundNotFound('id');
      if (phaseAt(round, new Date()) !== VoteRoundPhase.Upcoming) throw VoteErrors.roundAlreadyOpened();
      if (dto.componentKey) await this.assertVoteComponent(manager, round.competitionId, dto.componentKey);
      const before = toVoteRoundDto(round);
      Object.assign(round, {
        ...(dto.title === undefined ? {} : { title: dto.title }),
        ...(dto.opensAt === undefined ? {} : { opensAt: new Date(dto.opensAt) }),
        ...(dto.closesAt === undefined ? {} : { closesAt: new Date(dto.closesAt) }),
        ...(dto.votesPerDay === undefined ? {} : { votesPerDay: dto.votesPerDay }),
        ...(dto.votesTotal === undefined ? {} : { votesTotal: dto.votesTotal }),
        ...(dto.perProject === undefined ? {} : { perProject: dto.perProject }),
        ...(dto.perCategory === undefined ? {} : { perCategory: dto.perCategory }),
        ...(dto.communities === undefined ? {} : { communities: dto.communities }),
        ...(dto.methods === undefined ? {} : { methods: dto.methods }),
        ...(dto.resultsVisibility === undefined ? {} : { resultsVisibility: dto.resultsVisibility }),
        ...(dto.componentKey === undefined ? {} : { componentKey: dto.componentKey }),
      });
      assertConsistent(round);
      const saved = await manager.getRepository(VoteRound).save(round);
      await this.audit.record(
        {
          ...auditActor(actor),
          action: 'vote.round.update',
          subjectType: 'vote-round',
          subjectId: roundId,
          before,
          after: toVoteRoundDto(saved),
        },
        manager,
      );
    });
    return this.detail(roundId);
  }

  /**
   * A batch of one-time codes for one community of the round, shown this once: only their keyed
   * digests are kept, each as a voter of that community not yet verified.
   */
  async issueCodes(
    actor: Actor,
    roundId: string,
    community: string,
    count: number,
    origin: string,
  ): Promise<IssuedVoterCodesDto> {
    for (let attempt = 1; ; attempt += 1) {
      const codes = Array.from({ length: count }, () => generateSignInCode());
      const digests = codes.map((code) => signInCodeDigest(this.digests, 'voter-code', code));
      try {
        const batch = await this.votes.transaction(async (manager) => {
          const round = await this.votes.lockRound(manager, roundId);
          if (!round) throw VoteErrors.roundNotFound('id');
          if (phaseAt(round, new Date()) === VoteRoundPhase.Closed) throw VoteErrors.roundClosed(round.closesAt);
          if (!round.communities.includes(community)) throw VoteErrors.communityNotInRound();
          const saved = await this.votes.saveBatch(manager, {
            roundId,
            community,
            size: count,
            issuedBy: actorId(actor),
          });
          // Two codes alike, in the batch or with one issued before, roll the whole batch back.
          if (
            new Set(digests.map((d) => d.digest)).size !== count ||
            !(await this.votes.insertCodeVoters(manager, roundId, saved, digests))
          ) {
            throw new BatchCollision();
          }
          await this.audit.record(
            {
              ...auditActor(actor),
              action: 'vote.codes.issue',
              subjectType: 'vote-round',
              subjectId: roundId,
              after: { batchId: saved.id, community, count },
            },
            manager,
          );
          return saved;
        });
        const url = votePageUrl(origin, roundId);
        return { batch: batchDto(batch), codes, votePageUrl: url, qr: qrMatrixOf(url) };
      } catch (error) {
        if (!(error instanceof BatchCollision) || attempt >= BATCH_ATTEMPTS) throw error;
      }
    }
  }

  /** The public ballot: the round, and the projects that passed screening, with counts when shown. */
  async ballot(roundId: string): Promise<BallotDto> {
    const round = await this.round(roundId);
    const now = new Date();
    const shown = resultsShown(round, now);
    const [competition, projects, tally] = await Promise.all([
      this.competitions.findById(round.competitionId),
      this.eligibleProjects(round.competitionId),
      shown ? this.votes.tally(roundId) : Promise.resolve(null),
    ]);
    const {
      version: _version,
      competitionId: _competitionId,
      componentKey: _componentKey,
      ...publicRound
    } = toVoteRoundDto(round, now);
    return {
      round: { ...publicRound, competitionTitle: competition?.title ?? '', resultsShown: shown },
      projects: projects.map((project) => {
        const category = competition ? categoryOf(competition.rules, project.category) : undefined;
        return {
          ...project,
          categoryZh: category?.labelZh ?? project.category,
          categoryEn: category?.labelEn ?? project.category,
          votes: tally ? (tally.get(project.id) ?? 0) : null,
        };
      }),
    };
  }

  /** The public tally: refused while the round is open and hidden. */
  async publicTally(roundId: string): Promise<TallyDto> {
    const round = await this.round(roundId);
    const now = new Date();
    if (!resultsShown(round, now)) throw VoteErrors.resultsHidden();
    const [projects, tally] = await Promise.all([
      this.eligibleProjects(round.competitionId),
      this.votes.tally(roundId),
    ]);
    const rows = tallyRows(projects, tally);
    return {
      roundId,
      phase: phaseAt(round, now),
      valid: rows.reduce((sum, row) => sum + row.votes, 0),
      projects: rows,
    };
  }

  /**
   * One page of the flagged votes awaiting a decision (the oldest after `after`), grouped by their
   * flags and the address they came from. A decided vote leaves the queue, so a page read again
   * after decisions starts from the next undecided vote.
   */
  async reviewQueue(roundId: string, after: string | undefined): Promise<ReviewQueueDto> {
    await this.round(roundId);
    const [read, counts] = await Promise.all([
      this.votes.pendingReview(roundId, REVIEW_PAGE + 1, after),
      this.votes.counts(roundId),
    ]);
    const pending = read.slice(0, REVIEW_PAGE);
    const groups = new Map<string, ReviewGroupDto>();
    for (const vote of pending) {
      const flags = [...vote.flags].sort();
      const key = `${flags.join(';')}\n${vote.addressHash}`;
      const group = groups.get(key) ?? { flags, addressHash: vote.addressHash, count: 0, votes: [] };
      group.votes.push({
        id: vote.id,
        castAt: vote.castAt.toISOString(),
        projectId: vote.projectId,
        projectTitle: vote.projectTitle,
        voterId: vote.voterId,
        method: vote.method,
        deviceHash: vote.deviceHash,
        flags: vote.flags,
      });
      group.count += 1;
      groups.set(key, group);
    }
    return {
      roundId,
      pending: counts.pending,
      listed: pending.length,
      nextAfter: read.length > REVIEW_PAGE ? pending[pending.length - 1].id : null,
      groups: [...groups.values()].sort((a, b) => b.count - a.count),
    };
  }

  /**
   * Voids votes (they stop counting; the export shows the reason) or clears flagged ones, all or
   * none, each decision final. Audited as one entry naming every vote.
   */
  async review(actor: Actor, roundId: string, dto: VoteReviewInputDto): Promise<ReviewResultDto> {
    const decision = dto.decision === 'void' ? VoteReviewDecision.Void : VoteReviewDecision.Clear;
    await this.votes.transaction(async (manager) => {
      if (!(await this.votes.lockRound(manager, roundId))) throw VoteErrors.roundNotFound('id');
      const found = await this.votes.votesOf(manager, roundId, dto.voteIds);
      if (found.length !== dto.voteIds.length) throw VoteErrors.voteNotFound();
      if (found.some((vote) => vote.review !== null)) throw VoteErrors.voteAlreadyReviewed();
      if (decision === VoteReviewDecision.Clear && found.some((vote) => vote.flags.length === 0)) {
        throw VoteErrors.voteNotFlagged();
      }
      const review = { roundId, decision, reason: dto.reason, decidedBy: actorId(actor) };
      if (!(await this.votes.insertReviews(manager, review, dto.voteIds))) throw VoteErrors.voteAlreadyReviewed();
      await this.audit.record(
        {
          ...auditActor(actor),
          action: `vote.review.${decision}`,
          subjectType: 'vote-round',
          subjectId: roundId,
          after: { decision, reason: dto.reason, voteIds: [...dto.voteIds].sort((a, b) => Number(a) - Number(b)) },
        },
        manager,
      );
    });
    const counts = await this.votes.counts(roundId);
    return { decision, reviewed: dto.voteIds.length, pending: counts.pending };
  }

  /**
   * The closed round's valid votes as its score component's points: the top project gets the
   * component's maximum, the others in proportion, a screened-in project without votes 0. Written
   * through the one use-case every component value takes (audited; refused once the office locked
   * the component), so a run ranks on them only after the office locks them. Refused while the
   * round is open or flagged votes await review: no point rests on an undecided vote.
   */
  async recordPoints(actor: Actor, roundId: string): Promise<VotePointsDto> {
    return this.votes.transaction(async (manager) => {
      const round = await this.votes.lockRound(manager, roundId);
      if (!round) throw VoteErrors.roundNotFound('id');
      if (phaseAt(round, new Date()) !== VoteRoundPhase.Closed) throw VoteErrors.roundStillOpen(round.closesAt);
      if (!round.componentKey) throw VoteErrors.roundWithoutComponent();
      const pending = await this.votes.pendingCount(manager, roundId);
      if (pending > 0) throw VoteErrors.reviewPending(pending);
      const component = await this.assertVoteComponent(manager, round.competitionId, round.componentKey);
      const tally = await tallyValidVotes(manager, roundId);
      const projectIds = await this.componentValues.screenedInIds(manager, round.competitionId);
      const votes = new Map(projectIds.map((id) => [id, tally.get(id) ?? 0]));
      const points = votePointsOf(votes, component.maxPoints ?? '0');
      const recorded = await this.scoreComponents.recordComponentValues(
        manager,
        {
          competitionId: round.competitionId,
          componentKey: component.key,
          source: 'vote',
          values: projectIds.map((id) => ({ projectId: id, value: points.get(id)?.toExactString() ?? '0' })),
        },
        auditActor(actor),
      );
      return {
        ...recorded,
        projects: projectIds.map((id) => ({
          projectId: id,
          votes: votes.get(id) ?? 0,
          points: points.get(id)?.toExactString() ?? '0',
        })),
      };
    });
  }

  private async assertVoteComponent(
    manager: EntityManager,
    competitionId: string,
    key: string,
  ): Promise<ScoreComponentRule> {
    const competition = await this.competitions.lock(manager, competitionId, 'share');
    if (!competition) throw CompetitionErrors.notFound();
    return voteComponentOf(competition.rules, key);
  }

  /**
   * Every vote of the round as CSV, in the order cast, sent batch by batch so a city's vote never
   * sits in memory whole; the auditors' CLI recomputes the tally from it. Audited before the first
   * row, with the votes cast at that moment.
   */
  async exportCsv(actor: Actor, roundId: string): Promise<VoteExport> {
    await this.round(roundId);
    const counts = await this.votes.counts(roundId);
    await this.audit.record({
      ...auditActor(actor),
      action: 'vote.export',
      subjectType: 'vote-round',
      subjectId: roundId,
      after: { votes: counts.votes },
    });
    const votes = this.votes;
    return {
      filename: `votes-${roundId}.csv`,
      contentType: 'text/csv; charset=utf-8',
      chunks: (async function* () {
        yield csvHeader(Object.values(VOTE_EXPORT_COLUMNS));
        let after = '0';
        for (;;) {
          const batch = await votes.votesAfter(roundId, after, EXPORT_BATCH);
          if (batch.length === 0) return;
          yield csvLines(batch.map(exportRow));
          after = batch[batch.length - 1].id;
        }
      })(),
    };
  }

  /** Rounds of every office open now or still to open: the public's way in to the voting pages. */
  async openRounds(origin: string): Promise<OpenVoteRoundListDto> {
    const now = new Date();
    const rows = await this.votes.roundsNotClosed(now);
    return {
      items: rows.map((row) => ({
        id: row.id,
        title: row.title,
        competitionTitle: row.competitionTitle,
        officeName: row.officeName,
        officeNameEn: row.officeNameEn,
        opensAt: row.opensAt.toISOString(),
        closesAt: row.closesAt.toISOString(),
        phase: phaseAt(row, now),
        communities: [...row.communities],
        votePageUrl: votePageUrl(origin, row.id),
      })),
    };
  }

  private async round(roundId: string): Promise<VoteRound> {
    const round = await this.votes.findRound(roundId);
    if (!round) throw VoteErrors.roundNotFound('id');
    return round;
  }

  private async eligibleProjects(competitionId: string): Promise<BallotProject[]> {
    return (await this.votes.projectsOf(competitionId))
      .filter((project) => project.eligible)
      .map(({ eligible: _eligible, ...project }) => project);
  }
}

function exportRow(vote: VoteRow): string[] {
  const cells: Record<keyof typeof VOTE_EXPORT_COLUMNS, string> = {
    voteId: vote.id,
    roundId: vote.roundId,
    castAt: vote.castAt.toISOString(),
    projectId: vote.projectId,
    projectTitle: vote.projectTitle,
    category: vote.category,
    voterId: vote.voterId,
    ordinal: String(vote.ordinal),
    method: vote.method,
    addressHash: vote.addressHash,
    deviceHash: vote.deviceHash,
    flags: [...vote.flags].sort().join(';'),
    review: vote.review === VoteReviewDecision.Void ? VOTE_EXPORT_VOID : (vote.review ?? ''),
    reviewReason: vote.reviewReason ?? '',
    recordHash: vote.recordHash,
  };
  return (Object.keys(VOTE_EXPORT_COLUMNS) as (keyof typeof VOTE_EXPORT_COLUMNS)[]).map((column) => cells[column]);
}

/** The component of the rules a public vote fills; any other key is refused at the round's field. */
function voteComponentOf(rules: Pick<CompetitionRules, 'components'>, key: string): ScoreComponentRule {
  const component = rules.components?.find((candidate) => candidate.key === key && candidate.source === 'vote');
  if (!component) throw VoteErrors.componentNotVote(key);
  return component;
}

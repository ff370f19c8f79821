import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ScreeningStatus, SlotState, SubmissionState } from '@app/domain';
import { Competition, Roadshow, RoadshowSlot, Submission } from '@app/persistence';

export type RowLock = 'update' | 'share';

/**
 * A slot's "n of N" for the big screen, over a row `s` of roadshow_slot: judges not recused from
 * its project who have saved a score, and judges not recused. A judge recused after scoring counts
 * in neither. The score post's live event counts with the same text.
 */
export const PANEL_PROGRESS_SQL = `(SELECT count(*)::int FROM score sc
                WHERE sc.slot_id = s.id
                  AND NOT EXISTS (SELECT 1 FROM recusal rc
                                   WHERE rc.judge_id = sc.judge_id AND rc.submission_id = s.submission_id)
              ) AS submitted_count,
              (SELECT count(*)::int FROM judge j
                WHERE j.roadshow_id = s.roadshow_id
                  AND NOT EXISTS (SELECT 1 FROM recusal rc
                                   WHERE rc.judge_id = j.id AND rc.submission_id = s.submission_id)
              ) AS judge_count`;

/** A slot with what the screens show about its project. */
export interface SlotView {
  readonly slot: RoadshowSlot;
  readonly title: string;
  readonly category: string;
  readonly organizationName: string;
  readonly community: string;
  readonly summary: string;
  readonly needAddressed: string;
  readonly requestedFen: number;
  readonly submittedAt: Date;
  /** Judges who have saved a score for the slot. */
  readonly submittedCount: number;
  /** Judges of the roadshow not recused from the slot's project. */
  readonly judgeCount: number;
}

interface SlotViewRow {
  id: string;
  roadshow_id: string;
  submission_id: string;
  position: number;
  state: SlotState;
  pitch_started_at: Date | null;
  pitch_seconds: number;
  locked_at: Date | null;
  announced_score: string | null;
  announced_breakdown: unknown;
  rules_version: number | null;
  title: string;
  category: string;
  organization_name: string;
  community: string;
  summary: string;
  need_addressed: string;
  requested_fen: string;
  submitted_at: Date;
  submitted_count: number;
  judge_count: number;
}

function lockMode(lock: RowLock | undefined) {
  return lock === undefined
    ? {}
    : { lock: { mode: lock === 'update' ? ('pessimistic_write' as const) : ('pessimistic_read' as const) } };
}

/** Roadshows, their slots, and the competition facts the roadshow runs on. */
@Injectable()
export class RoadshowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  competition(id: string, manager: EntityManager = this.dataSource.manager, lock?: RowLock) {
    return manager.getRepository(Competition).findOne({ where: { id }, ...lockMode(lock) });
  }

  roadshow(id: string, manager: EntityManager = this.dataSource.manager, lock?: RowLock) {
    return manager.getRepository(Roadshow).findOne({ where: { id }, ...lockMode(lock) });
  }

  roadshowOfCompetition(competitionId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Roadshow).findOneBy({ competitionId });
  }

  insertRoadshow(manager: EntityManager, competitionId: string, venue: string): Promise<Roadshow> {
    const repository = manager.getRepository(Roadshow);
    return repository.save(repository.create({ competitionId, venue }));
  }

  saveRoadshow(manager: EntityManager, roadshow: Roadshow): Promise<Roadshow> {
    return manager.getRepository(Roadshow).save(roadshow);
  }

  slots(roadshowId: string, manager: EntityManager = this.dataSource.manager): Promise<RoadshowSlot[]> {
    return manager.getRepository(RoadshowSlot).find({ where: { roadshowId }, order: { position: 'ASC' } });
  }

  slot(roadshowId: string, slotId: string, manager: EntityManager = this.dataSource.manager, lock?: RowLock) {
    return manager.getRepository(RoadshowSlot).findOne({ where: { id: slotId, roadshowId }, ...lockMode(lock) });
  }

  /** The slot on stage (presenting or being scored), if any. */
  activeSlot(roadshowId: string, manager: EntityManager) {
    return manager
      .getRepository(RoadshowSlot)
      .findOneBy({ roadshowId, state: In([SlotState.Presenting, SlotState.Scoring]) });
  }

  saveSlot(manager: EntityManager, slot: RoadshowSlot): Promise<RoadshowSlot> {
    return manager.getRepository(RoadshowSlot).save(slot);
  }

  /** Replaces a not-yet-started order; waiting slots carry no scores, so nothing else refers to them. */
  async replaceSlots(
    manager: EntityManager,
    roadshowId: string,
    submissionIds: readonly string[],
    pitchSeconds: number,
  ): Promise<RoadshowSlot[]> {
    const repository = manager.getRepository(RoadshowSlot);
    await repository.delete({ roadshowId });
    return repository.save(
      submissionIds.map((submissionId, i) =>
        repository.create({
          roadshowId,
          submissionId,
          position: i + 1,
          state: SlotState.Waiting,
          pitchSeconds,
          pitchStartedAt: null,
          lockedAt: null,
          announcedScore: null,
          announcedBreakdown: null,
          rulesVersion: null,
        }),
      ),
    );
  }

  /** Submitted and passed screening: the projects that go on stage. */
  screenedIn(competitionId: string, manager: EntityManager = this.dataSource.manager): Promise<Submission[]> {
    return manager.getRepository(Submission).find({
      where: { competitionId, state: SubmissionState.Submitted, screening: ScreeningStatus.Passed },
      order: { id: 'ASC' },
    });
  }

  slotOfSubmission(roadshowId: string, submissionId: string, manager: EntityManager) {
    return manager.getRepository(RoadshowSlot).findOneBy({ roadshowId, submissionId });
  }

  submission(id: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(Submission).findOneBy({ id });
  }

  /** Slots in order with their project, organization and how many judges submitted / are due. */
  async slotViews(roadshowId: string, manager: EntityManager = this.dataSource.manager): Promise<SlotView[]> {
    const rows = await manager.query<SlotViewRow[]>(
      `SELECT s.*, sub.title, sub.category, sub.summary, sub.need_addressed, o.name AS organization_name, o.community,
              sub.requested_fen, COALESCE(sub.submitted_at, sub.created_at) AS submitted_at,
              ${PANEL_PROGRESS_SQL}
         FROM roadshow_slot s
         JOIN submission sub ON sub.id = s.submission_id
         JOIN organization o ON o.id = sub.organization_id
        WHERE s.roadshow_id = $1
        ORDER BY s.position`,
      [roadshowId],
    );
    return rows.map((row) => ({
      slot: Object.assign(new RoadshowSlot(), {
        id: row.id,
        roadshowId: row.roadshow_id,
        submissionId: row.submission_id,
        position: row.position,
        state: row.state,
        pitchStartedAt: row.pitch_started_at,
        pitchSeconds: row.pitch_seconds,
        lockedAt: row.locked_at,
        announcedScore: row.announced_score,
        announcedBreakdown: row.announced_breakdown,
        rulesVersion: row.rules_version,
      }),
      title: row.title,
      category: row.category,
      organizationName: row.organization_name,
      community: row.community,
      summary: row.summary,
      needAddressed: row.need_addressed,
      requestedFen: Number(row.requested_fen),
      submittedAt: row.submitted_at,
      submittedCount: row.submitted_count,
      judgeCount: row.judge_count,
    }));
  }
}

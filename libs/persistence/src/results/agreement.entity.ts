import { Column, Entity, Index } from 'typeorm';
import { fenTransformer } from '../fen.transformer';
import { RenderedPdf } from '../rendered-pdf';
import { CreatedAtColumn } from '../columns';

export type AgreementStatus = 'generated' | 'downloaded' | 'signed' | 'void';

/**
 * A funding agreement (协议书) PDF. The number is gapless per competition and stays with the
 * project; regenerating writes a new version and voids the previous one.
 */
@Entity({ name: 'agreement' })
@Index('agreement_number_version_uq', ['competitionId', 'sequence', 'version', 'locale'], { unique: true })
export class Agreement extends RenderedPdf {
  @Column({ name: 'competition_id', type: 'uuid' })
  competitionId: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  /** 1, 2, 3 … per competition, without gaps. */
  @Column({ type: 'integer' })
  sequence: number;

  /** e.g. GYCT-2026-0001. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  status: AgreementStatus;

  @Column({ type: 'text' })
  locale: 'zh' | 'en';

  @Column({ name: 'grant_fen', type: 'bigint', transformer: fenTransformer })
  grantFen: number;

  @Column({ name: 'signed_scan', type: 'bytea', nullable: true, select: false })
  signedScan: Buffer | null;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  /** The project period the agreement prints (Beijing dates); the grant's reports run on it. */
  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @CreatedAtColumn()
  createdAt: Date;
}

import { Column, Entity } from 'typeorm';
import { NotificationKind } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { OfficeRow } from '../office-row';

/** One message in one person's in-app inbox; e-mail and SMS copies are sent from it. */
@Entity({ name: 'notification' })
export class Notification extends OfficeRow {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: NotificationKind;

  /** What the message is about (`report-due:<report id>`): a person is told of each thing once. */
  @Column({ name: 'dedup_key', type: 'text' })
  dedupKey: string;

  @Column({ name: 'title_zh', type: 'text' })
  titleZh: string;

  @Column({ name: 'title_en', type: 'text' })
  titleEn: string;

  @Column({ name: 'body_zh', type: 'text' })
  bodyZh: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  @CreatedAtColumn()
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

import { Column, Entity } from 'typeorm';
import { NeedCategory } from '@app/domain';
import { CreatedAtColumn } from '../columns';
import { OfficeRow } from '../office-row';

/** 需求清单: a community's collected needs of one category, grouped to be drafted into orders. */
@Entity({ name: 'needs_list' })
export class NeedsList extends OfficeRow {
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @Column({ type: 'text' })
  category: NeedCategory;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}

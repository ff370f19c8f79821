import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NeedCategory } from '@app/domain';
import { CreatedAtColumn, TenantColumn } from '../columns';

/** 需求清单: a community's collected needs of one category, grouped to be drafted into orders. */
@Entity({ name: 'needs_list' })
export class NeedsList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @TenantColumn()
  tenantId: string;

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

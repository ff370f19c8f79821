import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TenantKind } from '@app/domain';
import type { GrantorParty } from '../competition/competition.entity';
import { CreatedAtColumn } from '../columns';

/** The public notice's own words, printed above and below its results table. */
export interface NoticeTexts {
  readonly header: string;
  readonly closing: string;
}

/** What an office sets for itself; a missing entry means the platform's default. */
export interface TenantSettings {
  /** Party A of the agreements of the office's new competitions, unless a competition names its own. */
  readonly grantor?: GrantorParty;
  readonly notice?: NoticeTexts;
  /** 点单式: the most a community may buy directly without a competition (fen); the platform's default when unset. */
  readonly needs?: { readonly smallPurchaseLimitFen?: number };
}

/** An office (a city's or district's bureau, or a street office) and what it owns. */
@Entity({ name: 'tenant' })
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The district of a street office, the city of a district; none at the top of the tree. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  kind: TenantKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ type: 'jsonb' })
  settings: TenantSettings;

  @CreatedAtColumn()
  createdAt: Date;
}

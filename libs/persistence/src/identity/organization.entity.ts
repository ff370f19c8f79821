import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OrganizationKind } from '@app/domain';
import { CreatedAtColumn } from '../columns';

@Entity({ name: 'organization' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ type: 'text' })
  name: string;

  /** The community (社区) the organization serves or is; drives automatic judge recusal. */
  @Column({ type: 'text' })
  community: string;

  @Column({ type: 'text' })
  district: string;

  @Column({ name: 'contact_name', type: 'text' })
  contactName: string;

  @Column({ name: 'contact_phone', type: 'text' })
  contactPhone: string;

  /** 统一社会信用代码, checked against GB 32100-2015 when given. */
  @Column({ name: 'credit_code', type: 'text', nullable: true, unique: true })
  creditCode: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}

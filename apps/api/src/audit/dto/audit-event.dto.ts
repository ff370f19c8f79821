import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsUUID, Matches } from 'class-validator';
import { AUDIT_ACTOR_TYPE_LABELS } from '@app/domain';
import { ActorType, AuditRow } from '@app/persistence';
import { DateTimeField, IntField, Optional, StringField, says } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';

const ACTOR_TYPES = Object.keys(AUDIT_ACTOR_TYPE_LABELS) as ActorType[];

/** The filters of a read or an export of the audit log; they combine with AND. */
export class AuditFilterQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      '办公室（仅平台管理员；办公室账号只读本办公室）/ the office (administrators only; an office reads its own)',
  })
  @Label('办公室', 'office')
  @Optional()
  @IsUUID()
  tenantId?: string;

  @ApiPropertyOptional({ example: 'competition', description: '对象类型 / the kind of subject' })
  @Label('对象类型', 'subject type')
  @Optional()
  @StringField(60)
  subjectType?: string;

  @ApiPropertyOptional({ example: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d', description: '对象编号 / the subject’s id' })
  @Label('对象编号', 'subject id')
  @Optional()
  @StringField(200)
  subjectId?: string;

  @ApiPropertyOptional({ enum: ACTOR_TYPES, description: '操作者类型 / the kind of actor' })
  @Label('操作者类型', 'actor type')
  @Optional()
  @IsIn(ACTOR_TYPES)
  actorType?: ActorType;

  @ApiPropertyOptional({ description: '操作者编号 / the actor’s id' })
  @Label('操作者编号', 'actor id')
  @Optional()
  @StringField(200)
  actorId?: string;

  @ApiPropertyOptional({ example: 'competition.transition', description: '操作 / the act' })
  @Label('操作', 'action')
  @Optional()
  @StringField(100)
  action?: string;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00+08:00', description: '起始时间（含）/ from (inclusive)' })
  @Label('起始时间', 'from')
  @Optional()
  @DateTimeField()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+08:00', description: '结束时间（不含）/ to (exclusive)' })
  @Label('结束时间', 'to')
  @Optional()
  @DateTimeField()
  to?: string;
}

export class AuditPageQueryDto extends AuditFilterQueryDto {
  @ApiPropertyOptional({
    example: '1200',
    description: '翻页游标：上一页的 nextBefore / the cursor: the previous page’s nextBefore',
  })
  @Label('翻页游标', 'page cursor')
  @Optional()
  @Matches(/^[1-9]\d{0,17}$/, says('须为上一页给出的编号', 'must be the id the previous page gave'))
  before?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @Label('每页条数', 'rows per page')
  @Optional()
  @Type(() => Number)
  @IntField(1, 200)
  pageSize: number = 50;
}

export class AuditEventDto {
  @ApiProperty({
    example: '1201',
    description: '编号，同一办公室内按链的顺序递增 / id; within one office, in chain order',
  })
  id: string;

  @ApiProperty({ example: '2026-03-31T09:15:02.123456Z', description: 'UTC，精确到微秒 / UTC, to the microsecond' })
  occurredAt: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: '办公室；平台自身的记录为空 / null: the platform',
  })
  tenantId: string | null;

  @ApiProperty({
    example: '57',
    description: '在本办公室链上的位置，从 1 起 / the position in its office’s chain, from 1',
  })
  chainSeq: string;

  @ApiProperty({ enum: ACTOR_TYPES })
  actorType: string;

  @ApiProperty({ type: String, nullable: true })
  actorId: string | null;

  @ApiProperty({ type: String, nullable: true, description: '操作账号的名称 / the acting account’s name' })
  actorName: string | null;

  @ApiProperty({ example: 'competition.transition' })
  action: string;

  @ApiProperty({ example: 'competition' })
  subjectType: string;

  @ApiProperty()
  subjectId: string;

  @ApiProperty({ nullable: true, description: '变更前 / before the change' })
  before: unknown;

  @ApiProperty({ nullable: true, description: '变更后 / after the change' })
  after: unknown;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '同一链上一条的哈希 / the previous row’s hash in its chain',
  })
  prevHash: string | null;

  @ApiProperty({ description: 'SHA-256（见 README“审计日志”）/ SHA-256 (README, “Audit log”)' })
  hash: string;
}

export function toAuditEventResponse(row: AuditRow): AuditEventDto {
  return {
    id: row.id,
    occurredAt: row.occurredAt,
    tenantId: row.tenantId,
    chainSeq: row.chainSeq,
    actorType: row.actorType,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    requestId: row.requestId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto], description: '最新的在前 / newest first' })
  items: AuditEventDto[];

  @ApiProperty({ type: 'integer', example: 50 })
  pageSize: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      '下一页：作为 before 传回；没有更早的记录时为空 / pass as `before` for the next page; null when none is older',
  })
  nextBefore: string | null;
}

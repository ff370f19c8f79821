import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { AgreementStatus } from '@app/persistence';
import { Optional } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { BoundedListQueryDto, PageOf } from '../../common/page-query.dto';
import { AgreementRow } from '../agreements.repository';

export class AgreementResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ format: 'uuid' })
  submissionId: string;

  @ApiProperty({ format: 'uuid', description: 'the ranking run the grant comes from' })
  runId: string;

  @ApiProperty({ example: 'GYCT-2026-0001', description: 'gapless per competition, kept by later versions' })
  number: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: '协议编号的序号 / the number’s sequence' })
  sequence: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'bumped by each regeneration' })
  version: number;

  @ApiProperty({ enum: ['generated', 'downloaded', 'signed', 'void'], example: 'generated' })
  status: AgreementStatus;

  @ApiProperty({ enum: ['zh', 'en'], example: 'zh' })
  locale: 'zh' | 'en';

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 3_000_000, description: 'integer fen (¥30,000.00)' })
  grantFen: number;

  @ApiProperty({
    example: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
    pattern: '^[0-9a-f]{64}$',
  })
  sha256: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 74_213 })
  sizeBytes: number;

  @ApiProperty({ example: '2026-04-08T01:01:00.000Z', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null })
  signedAt: string | null;
}

/** The competition's agreements in number order, with the rendering progress of the whole list. */
export class AgreementListDto extends PageOf(AgreementResponseDto) {
  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'the awarded run' })
  runId: string | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 10,
    description: 'funded projects of the awarded run: agreements to render',
  })
  expected: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 7,
    description: 'current agreements rendered so far (progress of the rendering job)',
  })
  rendered: number;
}

export class AgreementListQueryDto extends BoundedListQueryDto {
  @ApiPropertyOptional({ example: false, description: 'also list the void versions regenerations replaced' })
  @Label('是否列出已作废的版本', 'whether to list void versions')
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeVoid?: boolean;
}

export class RegenerateResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: 'the rendering generation now queued' })
  generation: number;

  @ApiProperty({ example: 'agreements-0b7c4d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e-2' })
  jobId: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 9,
    description: 'current versions voided; each gets a new version with the same number',
  })
  voided: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'signed agreements, kept as they are' })
  keptSigned: number;
}

export function toAgreementResponse(row: AgreementRow): AgreementResponseDto {
  const a = row.agreement;
  return {
    id: a.id,
    competitionId: a.competitionId,
    submissionId: a.submissionId,
    runId: a.runId,
    number: a.number,
    sequence: a.sequence,
    version: a.version,
    status: a.status,
    locale: a.locale,
    projectTitle: row.projectTitle,
    grantFen: a.grantFen,
    sha256: a.sha256,
    sizeBytes: a.sizeBytes,
    createdAt: a.createdAt.toISOString(),
    signedAt: a.signedAt?.toISOString() ?? null,
  };
}

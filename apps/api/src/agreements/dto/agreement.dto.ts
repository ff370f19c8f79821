import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { AgreementStatus } from '@app/persistence';
import { Optional } from '../../common/input.decorators';
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

  @ApiProperty({ example: 1 })
  sequence: number;

  @ApiProperty({ example: 1, description: 'bumped by each regeneration' })
  version: number;

  @ApiProperty({ enum: ['generated', 'downloaded', 'signed', 'void'], example: 'generated' })
  status: AgreementStatus;

  @ApiProperty({ enum: ['zh', 'en'], example: 'zh' })
  locale: 'zh' | 'en';

  @ApiProperty({ example: '发挥先锋作用·真情服务群众' })
  projectTitle: string;

  @ApiProperty({ example: 3_000_000, description: 'integer fen (¥30,000.00)' })
  grantFen: number;

  @ApiProperty({ example: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea' })
  sha256: string;

  @ApiProperty({ example: 74_213 })
  sizeBytes: number;

  @ApiProperty({ example: '2026-04-08T01:01:00.000Z' })
  createdAt: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  signedAt: string | null;
}

export class AgreementListDto {
  @ApiProperty({ format: 'uuid' })
  competitionId: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'the awarded run' })
  runId: string | null;

  @ApiProperty({ example: 10, description: 'funded projects of the awarded run: agreements to render' })
  expected: number;

  @ApiProperty({ example: 7, description: 'current agreements rendered so far (progress of the rendering job)' })
  rendered: number;

  @ApiProperty({ type: [AgreementResponseDto] })
  items: AgreementResponseDto[];
}

export class AgreementListQueryDto {
  @ApiPropertyOptional({ example: false, description: 'also list the void versions regenerations replaced' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeVoid?: boolean;
}

export class RegenerateResponseDto {
  @ApiProperty({ example: 2, description: 'the rendering generation now queued' })
  generation: number;

  @ApiProperty({ example: 'agreements-0b7c4d1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e-2' })
  jobId: string;

  @ApiProperty({ example: 9, description: 'current versions voided; each gets a new version with the same number' })
  voided: number;

  @ApiProperty({ example: 1, description: 'signed agreements, kept as they are' })
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

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsUUID } from 'class-validator';
import { Transform } from 'class-transformer';
import { TerminationCause } from '@app/domain';
import { sanctionActive } from '@app/grants';
import { Optional } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf, PageQueryDto } from '../../common/page-query.dto';
import { SanctionRow } from '../sanctions.repository';

export class SanctionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the office: one organization’s sanctions' })
  @Label('组织编号', 'organization ID')
  @Optional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ example: true, description: 'true: only those still barring submissions today' })
  @Label('仅生效中', 'only active')
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class SanctionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organizationId: string;

  @ApiProperty({ example: '佛山市三水区西南街道江根社区居民委员会' })
  organizationName: string;

  @ApiProperty({ format: 'uuid', description: 'the grant whose breach caused it' })
  grantId: string;

  @ApiProperty({ example: 'GYCT-2026-0003' })
  agreementNumber: string;

  @ApiProperty({ enum: TerminationCause, example: TerminationCause.MonthlyChecks })
  cause: TerminationCause;

  @ApiProperty({ example: '连续三个月月度考核低于 6 分，经街道确认终止资助' })
  reason: string;

  @ApiProperty({ example: '2027-06-15', description: 'Beijing date the bar starts' })
  startsOn: string;

  @ApiProperty({ example: '2030-06-15', description: 'the first day the organization may submit again' })
  endsOn: string;

  @ApiProperty({ example: true, description: 'still barring submissions today (Beijing date)' })
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class SanctionPageDto extends PageOf(SanctionDto) {}

export function toSanctionResponse(row: SanctionRow, today: string): SanctionDto {
  const { sanction } = row;
  return {
    id: sanction.id,
    organizationId: sanction.organizationId,
    organizationName: row.organizationName,
    grantId: sanction.grantId,
    agreementNumber: row.agreementNumber,
    cause: sanction.cause,
    reason: sanction.reason,
    startsOn: sanction.startsOn,
    endsOn: sanction.endsOn,
    active: sanctionActive(sanction, today),
    recordedAt: sanction.recordedAt.toISOString(),
  };
}

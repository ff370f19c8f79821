import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { TenantSettings } from '@app/persistence';
import { Optional, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { GrantorDto, GrantorField } from '../../competitions/dto/competition.dto';

export class NoticeTextsDto {
  @ApiProperty({
    example: '根据《西南街道公益创投项目管理办法》，现将本届大赛评审结果公示如下：',
    maxLength: 500,
  })
  @Label('公示开头语', 'notice header')
  @TextField({ max: 500, multiline: true, allowEmpty: true })
  header: string;

  @ApiProperty({ example: '公示期内如有异议，请通过申报页面提出。联系电话：0757-87654321', maxLength: 500 })
  @Label('公示结束语', 'notice closing')
  @TextField({ max: 500, multiline: true, allowEmpty: true })
  closing: string;
}

/** The whole settings: a section left out is cleared, so what is sent is what the office has. */
export class TenantSettingsDto {
  @GrantorField('新建大赛默认的协议甲方 / party A of new competitions by default')
  grantor?: GrantorDto;

  @ApiPropertyOptional({
    type: NoticeTextsDto,
    description: '结果公示的开头语与结束语 / the public notice’s header and closing',
  })
  @Label('公示文字', 'notice texts')
  @Optional()
  @ValidateNested()
  @Type(() => NoticeTextsDto)
  noticeTexts?: NoticeTextsDto;
}

export class TenantSettingsResponseDto {
  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty({ example: '新华路街道办事处' })
  tenantName: string;

  @ApiProperty({ example: 'Xinhua Road Street Office' })
  tenantNameEn: string;

  @ApiProperty({ type: GrantorDto, nullable: true })
  grantor: GrantorDto | null;

  @ApiProperty({ type: NoticeTextsDto, nullable: true })
  noticeTexts: NoticeTextsDto | null;
}

export function toSettings(dto: TenantSettingsDto): TenantSettings {
  return {
    ...(dto.grantor && {
      grantor: { name: dto.grantor.name, address: dto.grantor.address, representative: dto.grantor.representative },
    }),
    ...(dto.noticeTexts && { notice: { header: dto.noticeTexts.header, closing: dto.noticeTexts.closing } }),
  };
}

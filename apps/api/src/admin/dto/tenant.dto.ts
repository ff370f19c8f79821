import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsUUID } from 'class-validator';
import { TenantKind } from '@app/domain';
import { Tenant } from '@app/persistence';
import { Optional, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';

export class CreateTenantDto {
  @ApiProperty({ enum: TenantKind, example: TenantKind.Street })
  @Label('单位级别', 'kind')
  @IsEnum(TenantKind)
  kind: TenantKind;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '6f1c2b7e-3d4a-4f5b-9c8d-1e2f3a4b5c6d',
    description:
      '上级单位；街道须在区之下，区在市之下或为顶级 / the parent: a street under a district, a district under a city or none',
  })
  @Label('上级单位', 'parent office')
  @Optional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ example: '新华路街道办事处', maxLength: 60 })
  @Label('单位名称', 'name')
  @TextField({ max: 60 })
  name: string;

  @ApiProperty({ example: 'Xinhua Road Street Office', maxLength: 100 })
  @Label('英文名称', 'English name')
  @TextField({ max: 100 })
  nameEn: string;
}

export class UpdateTenantDto {
  @ApiPropertyOptional({ example: '新华路街道办事处', maxLength: 60 })
  @Label('单位名称', 'name')
  @TextField({ max: 60, optional: true })
  name?: string;

  @ApiPropertyOptional({ example: 'Xinhua Road Street Office', maxLength: 100 })
  @Label('英文名称', 'English name')
  @TextField({ max: 100, optional: true })
  nameEn?: string;
}

export class TenantResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId: string | null;

  @ApiProperty({ enum: TenantKind })
  kind: TenantKind;

  @ApiProperty({ example: '新华路街道办事处' })
  name: string;

  @ApiProperty({ example: 'Xinhua Road Street Office' })
  nameEn: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** Every office, parents before their children, then by name: a page draws the tree in one pass. */
export class TenantListDto extends PageOf(TenantResponseDto) {}

export function toTenantResponse(tenant: Tenant): TenantResponseDto {
  return {
    id: tenant.id,
    parentId: tenant.parentId,
    kind: tenant.kind,
    name: tenant.name,
    nameEn: tenant.nameEn,
    createdAt: tenant.createdAt.toISOString(),
  };
}

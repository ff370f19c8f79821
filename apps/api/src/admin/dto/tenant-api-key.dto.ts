import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsEnum, IsUUID } from 'class-validator';
import { ApiKeyScope } from '@app/domain';
import { ApiKey } from '@app/persistence';
import { ArrayField, TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';

export class CreateTenantApiKeyDto {
  @ApiProperty({ example: '区民政局数据看板', maxLength: 100, description: '用途说明 / what the key is for' })
  @Label('密钥用途', 'what the key is for')
  @TextField({ max: 100 })
  name: string;

  @ApiProperty({ enum: ApiKeyScope, isArray: true, example: [ApiKeyScope.CompetitionsRead, ApiKeyScope.ResultsRead] })
  @Label('权限范围', 'scopes', 'scope')
  @IsEnum(ApiKeyScope, { each: true })
  @ArrayUnique()
  @ArrayField(Object.keys(ApiKeyScope).length, 1)
  scopes: ApiKeyScope[];
}

export class TenantApiKeyResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '区民政局数据看板' })
  name: string;

  @ApiProperty({
    enum: ApiKeyScope,
    isArray: true,
    nullable: true,
    description: '为空表示个人密钥，拥有账号的全部权限 / null: a personal key with all of its account’s rights',
  })
  scopes: ApiKeyScope[] | null;

  @ApiProperty({ format: 'uuid', description: '创建者（个人密钥的持有人） / who made it (a personal key’s owner)' })
  userId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  revokedAt: string | null;
}

export class TenantApiKeyListDto extends PageOf(TenantApiKeyResponseDto) {}

export class CreatedTenantApiKeyResponseDto extends TenantApiKeyResponseDto {
  @ApiProperty({ example: 'gyk_Q2hpbmEgcHVibGljIGJlbmVmaXQgdmVudHVyZQ', description: '只显示这一次 / shown only now' })
  key: string;
}

export class TenantKeyParamDto {
  @ApiProperty({ format: 'uuid' })
  @Label('地址中的单位编号', 'office ID in the address')
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @Label('地址中的密钥编号', 'key ID in the address')
  @IsUUID()
  keyId: string;
}

export function toTenantApiKeyResponse(key: ApiKey): TenantApiKeyResponseDto {
  return {
    id: key.id,
    name: key.name,
    scopes: key.scopes,
    userId: key.userId,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

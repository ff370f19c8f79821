import { ApiProperty } from '@nestjs/swagger';
import { ApiKey } from '@app/persistence';
import { TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';

export class CreateApiKeyDto {
  @ApiProperty({ example: '区民政局数据对接', maxLength: 100, description: '用途说明 / what the key is for' })
  @Label('密钥用途', 'what the key is for')
  @TextField({ max: 100 })
  name: string;
}

export class ApiKeyResponseDto {
  @ApiProperty({ example: '5a7d3c1e-9b2f-4e6a-8c0d-1f2e3a4b5c6d', format: 'uuid' })
  id: string;

  @ApiProperty({ example: '区民政局数据对接' })
  name: string;

  @ApiProperty({ example: '2026-02-10T08:00:00.000Z', format: 'date-time' })
  createdAt: string;

  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' })
  revokedAt: string | null;
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({
    example: 'gyk_Q2hpbmEgcHVibGljIGJlbmVmaXQgdmVudHVyZQ',
    description: '只显示这一次，请妥善保存 / shown only once: send it as the x-api-key header',
  })
  key: string;
}

/** Oldest first, revoked keys included. */
export class ApiKeyPageDto extends PageOf(ApiKeyResponseDto) {}

export function toApiKeyResponse(key: ApiKey): ApiKeyResponseDto {
  return {
    id: key.id,
    name: key.name,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

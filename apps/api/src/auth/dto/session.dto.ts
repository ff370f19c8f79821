import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Role } from '@app/domain';
import { normalizeLogin } from '../credentials';
import { StringField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';

export class CreateSessionDto {
  @ApiProperty({ example: 'xinan-office', description: '登录名（不区分大小写） / login, case-insensitive' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeLogin(value) : value))
  @Label('登录名', 'login')
  @StringField(64)
  login: string;

  @ApiProperty({ example: 'correct horse 电池 staple', format: 'password' })
  @Label('密码', 'password')
  @StringField(128)
  password: string;
}

export class SessionResponseDto {
  @ApiProperty({
    example: 'eyJ2IjoxLCJleHAiOjE3NjM5MDAwMDAsImFjdG9yIjp7fX0.q1w2e3r4t5y6u7i8o9p0',
    description: 'Authorization: Bearer <token>',
  })
  token: string;

  @ApiProperty({ example: '2026-03-01T20:00:00.000Z', format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ example: '2b0c5a8e-8f1e-4a52-9d43-2f7e6c1d0a11', format: 'uuid' })
  userId: string;

  @ApiProperty({ enum: [Role.Office, Role.Admin, Role.Applicant], example: Role.Office })
  role: Role;

  @ApiProperty({ example: '西南街道党工委 办公室' })
  displayName: string;

  @ApiPropertyOptional({
    example: '0d9e6f4a-1c2b-4e3d-8a7f-5b6c9d0e1f2a',
    format: 'uuid',
    description: 'applicants only: the organization whose submissions they see',
  })
  organizationId?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { AppUser } from '@app/persistence';

/** A user as others may see it: never the password hash. */
export class UserResponseDto {
  @ApiProperty({ example: '2b0c5a8e-8f1e-4a52-9d43-2f7e6c1d0a11', format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'wudinggang' })
  login: string;

  @ApiProperty({ enum: [Role.Office, Role.Admin, Role.Applicant], example: Role.Applicant })
  role: Role;

  @ApiProperty({ example: '李敏' })
  displayName: string;

  @ApiProperty({ example: '0d9e6f4a-1c2b-4e3d-8a7f-5b6c9d0e1f2a', format: 'uuid', nullable: true, type: String })
  organizationId: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: '办公室账号所属单位 / the office an office account belongs to',
  })
  tenantId: string | null;

  @ApiProperty({ example: '2026-02-10T08:00:00.000Z', format: 'date-time' })
  createdAt: string;
}

export function toUserResponse(user: AppUser): UserResponseDto {
  return {
    id: user.id,
    login: user.login,
    role: user.role,
    displayName: user.displayName,
    organizationId: user.organizationId,
    tenantId: user.tenantId,
    createdAt: user.createdAt.toISOString(),
  };
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';
import { AccountStatus, InvitationPurpose } from '@app/domain';
import { AppUser } from '@app/persistence';
import { LoginField, NewPasswordField } from '../../auth/credentials';
import { TextField } from '../../common/input.decorators';
import { Label } from '../../common/label.decorator';
import { PageOf } from '../../common/page-query.dto';

export class InviteAccountDto {
  @ApiProperty({ example: 'xinhua.li', description: '登录名 / login' })
  @Label('登录名', 'login')
  @LoginField()
  login: string;

  @ApiProperty({ example: '李敏（新华路街道）', maxLength: 50 })
  @Label('姓名', 'name')
  @TextField({ max: 50 })
  displayName: string;
}

export class AccountResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  tenantId: string;

  @ApiProperty({ example: 'xinhua.li' })
  login: string;

  @ApiProperty({ example: '李敏（新华路街道）' })
  displayName: string;

  @ApiProperty({ enum: AccountStatus })
  status: AccountStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AccountListDto extends PageOf(AccountResponseDto) {}

export class OneTimeLinkDto {
  @ApiProperty({ example: 'gyi_Q2hpbmEgcHVibGljIGJlbmVmaXQ', description: '只显示这一次 / shown only now' })
  token: string;

  @ApiProperty({
    example: '/admin/invite/#t=gyi_Q2hpbmEgcHVibGljIGJlbmVmaXQ',
    description: '交给本人的页面地址 / the page to hand over',
  })
  path: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class InvitedAccountResponseDto {
  @ApiProperty({ type: AccountResponseDto })
  account: AccountResponseDto;

  @ApiProperty({ type: OneTimeLinkDto })
  link: OneTimeLinkDto;
}

export class InvitationTokenDto {
  @ApiProperty({ example: 'gyi_Q2hpbmEgcHVibGljIGJlbmVmaXQ' })
  @Label('链接中的凭据', 'token in the link')
  @IsString()
  @MaxLength(100)
  token: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({ example: '新华路街道公益创投2026', minLength: 10, maxLength: 128 })
  @Label('新密码', 'new password')
  @NewPasswordField()
  password: string;
}

export class InvitationResponseDto {
  @ApiProperty({ enum: InvitationPurpose })
  purpose: InvitationPurpose;

  @ApiProperty({ example: 'xinhua.li' })
  login: string;

  @ApiProperty({ example: '李敏（新华路街道）' })
  displayName: string;

  @ApiProperty({ example: '新华路街道办事处' })
  tenantName: string;

  @ApiProperty({ example: 'Xinhua Road Street Office' })
  tenantNameEn: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class AccountIdParamDto {
  @ApiProperty({ format: 'uuid' })
  @Label('地址中的账号编号', 'account ID in the address')
  @IsUUID()
  id: string;
}

export function toAccountResponse(user: AppUser, pending: boolean): AccountResponseDto {
  return {
    id: user.id,
    tenantId: user.tenantId ?? '',
    login: user.login,
    displayName: user.displayName,
    status: user.disabledAt ? AccountStatus.Disabled : pending ? AccountStatus.Pending : AccountStatus.Active,
    createdAt: user.createdAt.toISOString(),
  };
}

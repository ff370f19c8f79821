import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminErrors, INVITATION_HOURS, Role } from '@app/domain';
import { Allow, Public } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnswerRefusals, ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiError, ApiJsonBodyErrors, refusalExample } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { BoundedListQueryDto, pageItems } from '../common/page-query.dto';
import { AccountsService } from './accounts.service';
import {
  AcceptInvitationDto,
  AccountIdParamDto,
  AccountListDto,
  AccountResponseDto,
  InvitationResponseDto,
  InvitationTokenDto,
  InviteAccountDto,
  InvitedAccountResponseDto,
} from './dto/account.dto';

const NO_SUCH_ACCOUNT = refusalExample(AdminErrors.accountNotFound());
const INVALID_LINK = refusalExample(AdminErrors.invitationInvalid());

/** An admin's route on one office account. */
const ADMIN_ON_ACCOUNT: AnswerRefusals = {
  forbidden: 'admins only',
  notFound: 'no such office account',
  notFoundExample: NO_SUCH_ACCOUNT,
};

@ApiTags('admin 管理控制台')
@Controller()
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get('tenants/:id/accounts')
  @Allow(Role.Admin)
  @ApiOperation({ summary: '单位的办公室账号 / an office’s accounts', description: 'Oldest first.' })
  @ApiAnswerOrNotFound(AccountListDto, { forbidden: 'admins only', notFound: 'no such office' })
  async list(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Query() query: BoundedListQueryDto,
  ): Promise<AccountListDto> {
    return pageItems(await this.accounts.list(actor, params.id), query);
  }

  @Post('tenants/:id/accounts')
  @Allow(Role.Admin)
  @ApiOperation({
    summary: '邀请办公室人员 / invite a person into an office',
    description:
      `返回一次性链接（${INVITATION_HOURS} 小时内有效、只能用一次），只显示这一次：请交给本人，由其自行设置密码。\n\n` +
      `Returns a one-time link (valid ${INVITATION_HOURS} hours, usable once), shown only now: hand it to the person, who sets their own password.`,
  })
  @ApiAnswerOrNotFound(InvitedAccountResponseDto, { status: 201, forbidden: 'admins only', notFound: 'no such office' })
  @ApiError(409, 'the login is taken', refusalExample(AdminErrors.loginTaken()))
  @ApiJsonBodyErrors()
  invite(
    @CurrentActor() actor: Actor,
    @Param() params: IdParamDto,
    @Body() dto: InviteAccountDto,
  ): Promise<InvitedAccountResponseDto> {
    return this.accounts.invite(actor, params.id, dto);
  }

  @Post('accounts/:id/disable')
  @Allow(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '停用账号 / disable an account',
    description:
      '立即生效：该账号已登录的会话和个人 API 密钥在下一次请求时即被拒绝。\n\n' +
      'At once: the account’s sessions and personal API keys are refused on their next request.',
  })
  @ApiAnswerOrNotFound(AccountResponseDto, ADMIN_ON_ACCOUNT)
  disable(@CurrentActor() actor: Actor, @Param() params: AccountIdParamDto): Promise<AccountResponseDto> {
    return this.accounts.disable(actor, params.id);
  }

  @Post('accounts/:id/enable')
  @Allow(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '恢复账号 / re-enable an account', description: 'The person signs in again.' })
  @ApiAnswerOrNotFound(AccountResponseDto, ADMIN_ON_ACCOUNT)
  enable(@CurrentActor() actor: Actor, @Param() params: AccountIdParamDto): Promise<AccountResponseDto> {
    return this.accounts.enable(actor, params.id);
  }

  @Post('accounts/:id/reset')
  @Allow(Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '重置密码 / reset an account’s password',
    description:
      '原密码和所有会话立即失效；返回新的一次性链接，只显示这一次。\n\n' +
      'The old password and every session stop now; returns a fresh one-time link, shown only now.',
  })
  @ApiAnswerOrNotFound(InvitedAccountResponseDto, ADMIN_ON_ACCOUNT)
  reset(@CurrentActor() actor: Actor, @Param() params: AccountIdParamDto): Promise<InvitedAccountResponseDto> {
    return this.accounts.reset(actor, params.id);
  }

  @Post('invitations/lookup')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '查看一次性链接 / read a one-time link',
    description:
      '凭据放在请求体中，不出现在地址里。\n\nThe token travels in the body, never in an address that logs keep.',
  })
  @ApiResponse({ status: 200, type: InvitationResponseDto })
  @ApiError(400)
  @ApiError(404, 'unknown, expired or used link', INVALID_LINK)
  @ApiJsonBodyErrors()
  lookup(@Body() dto: InvitationTokenDto): Promise<InvitationResponseDto> {
    return this.accounts.lookup(dto.token);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: '用一次性链接设置密码 / set the password with a one-time link',
    description: '链接随即失效。\n\nThe link is used up.',
  })
  @ApiResponse({ status: 204, description: 'the password is set; sign in with it' })
  @ApiError(400)
  @ApiError(404, 'unknown, expired or used link', INVALID_LINK)
  @ApiJsonBodyErrors()
  accept(@Body() dto: AcceptInvitationDto): Promise<void> {
    return this.accounts.accept(dto);
  }
}

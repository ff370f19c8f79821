import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiAnswerOrNotFound } from '../common/api-answer.decorator';
import { ApiCallerErrors } from '../common/api-error.decorator';
import { IdParamDto } from '../common/id-param.dto';
import { PageQueryDto } from '../common/page-query.dto';
import { NotificationDto, NotificationPageDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** Accounts have an inbox; judges, evaluators and voters sign in for one session and have none. */
function userIdOf(actor: Actor): string {
  if (actor.kind !== 'user') throw new Error(`no inbox for a ${actor.kind}`);
  return actor.userId;
}

@ApiTags('notifications 站内通知')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @ApiOperation({
    summary: '我的通知 / my notifications',
    description:
      '最新的在前，附未读数：资格审查结果、结果公示、异议答复、报告到期与逾期、资金拨付。\n\n' +
      'Newest first, with the unread count: screening results, published results, answered objections, ' +
      'reports due and overdue, paid tranches.',
  })
  @ApiResponse({ status: 200, type: NotificationPageDto })
  @ApiCallerErrors()
  inbox(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<NotificationPageDto> {
    return this.notifications.inbox(userIdOf(actor), query);
  }

  @Post(':id/read')
  @Allow(Role.Office, Role.Admin, Role.Applicant)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '标为已读 / mark read',
    description: '再次标记不改变首次阅读时间。\n\nMarking again keeps the first time it was read.',
  })
  @ApiAnswerOrNotFound(NotificationDto, { notFound: 'no such notification, or someone else’s' })
  markRead(@CurrentActor() actor: Actor, @Param() params: IdParamDto): Promise<NotificationDto> {
    return this.notifications.markRead(userIdOf(actor), params.id);
  }
}

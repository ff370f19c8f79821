import { Controller, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Role } from '@app/domain';
import { Allow } from '../auth/access.decorator';
import { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiError } from '../common/api-error.decorator';
import { QueueDashboardLinkDto } from './dto/queue-dashboard-link.dto';
import { QueueDashboardAccess } from './queue-dashboard-access.service';

@ApiTags('operations 运维')
@Controller('ops/queue-dashboard')
export class QueueDashboardController {
  constructor(private readonly access: QueueDashboardAccess) {}

  @Post('links')
  @Allow(Role.Admin)
  @ApiOperation({
    summary: '队列面板的一次性链接 / a one-time link to the queue dashboard',
    description:
      '仅管理员。链接 60 秒内有效、只能打开一次；打开后浏览器获得仅限 /admin/queues 路径的会话 Cookie，30 分钟有效。' +
      '面板可查看各队列的任务（含保留的失败任务）并重试，不能删除或修改任务。发放链接和每次重试都记入审计日志。\n\n' +
      'Admins only. The link works once, within 60 seconds; opening it gives the browser a session cookie for ' +
      '/admin/queues only, valid 30 minutes. The dashboard shows every queue’s jobs (the kept failed ones included) and ' +
      'retries them; it cannot remove or edit jobs. Issuing a link and every retry are audited.',
  })
  @ApiResponse({ status: 201, type: QueueDashboardLinkDto })
  @ApiError(401)
  @ApiError(403, '仅管理员 / admins only')
  issueLink(@CurrentActor() actor: Actor): Promise<QueueDashboardLinkDto> {
    return this.access.issueLink(actor);
  }
}

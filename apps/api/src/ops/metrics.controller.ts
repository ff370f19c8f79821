import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { admitScraper } from '@app/application';
import { AppConfig } from '@app/config';
import { Public } from '../auth/access.decorator';
import { ApiError } from '../common/api-error.decorator';
import { MetricsService } from './metrics.service';

@ApiTags('operations 运维')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus 指标 / Prometheus metrics',
    description:
      '以 Prometheus 文本格式输出：HTTP 请求耗时（按路由模式、方法和状态类别）、评分提交（按结果与拒绝原因）、实时连接数、' +
      '各队列的任务数（等待、执行中、失败、延迟、完成）、发件箱最旧未发送消息的时长和进程指标。须带 `Authorization: Bearer <METRICS_TOKEN>`；' +
      '未设置 METRICS_TOKEN 时返回 404。\n\n' +
      'Prometheus text format: HTTP request durations by route pattern, method and status class; judges’ score posts by ' +
      'outcome and refusal reason; open live connections; each queue’s jobs by state (waiting, active, failed, delayed, ' +
      'completed); the age of the oldest outbox message not yet queued; process metrics. Send ' +
      '`Authorization: Bearer <METRICS_TOKEN>`; 404 while METRICS_TOKEN is not set.',
  })
  @ApiOkResponse({
    description: 'Prometheus text exposition format 0.0.4',
    content: {
      'text/plain': {
        schema: { type: 'string' },
        example:
          '# HELP gongyi_score_posts_total Judges’ score posts: accepted, or refused with the refusal’s reason\n' +
          '# TYPE gongyi_score_posts_total counter\ngongyi_score_posts_total{outcome="accepted",reason="none"} 210\n',
      },
    },
  })
  @ApiError(401, '令牌缺失或错误 / the token is missing or wrong')
  @ApiError(404, '未设置 METRICS_TOKEN / METRICS_TOKEN is not set')
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    admitScraper(this.config.metrics.token, authorization);
    reply.header('Content-Type', this.metrics.contentType).header('Cache-Control', 'no-store');
    return this.metrics.render();
  }
}

import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator';
import { HealthResponseDto, LivenessResponseDto, ReadinessResponseDto } from './dto/health-response.dto';
import { HealthService } from './health.service';

@ApiTags('health 健康检查')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({
    summary: '服务健康状态 / service health',
    description: 'Postgres, Redis and the worker, each reported on its own. 503 when Postgres or Redis is down.',
  })
  @ApiResponse({ status: 200, type: HealthResponseDto })
  @ApiResponse({ status: 503, type: HealthResponseDto, description: 'a dependency is down; the API still answers' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponseDto> {
    const result = await this.health.check();
    reply.status(result.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }

  @Get('live')
  @ApiOperation({
    summary: '进程存活 / liveness',
    description:
      'The process answers; no dependency is asked. For an orchestrator deciding whether to restart the API.',
  })
  @ApiResponse({ status: 200, type: LivenessResponseDto })
  live(): LivenessResponseDto {
    return this.health.live();
  }

  @Get('ready')
  @ApiOperation({
    summary: '可以接收请求 / readiness',
    description:
      'Postgres and Redis answer and every migration of this build is applied. 503 with the reasons otherwise: ' +
      'for an orchestrator or load balancer deciding whether to send traffic here.',
  })
  @ApiResponse({ status: 200, type: ReadinessResponseDto })
  @ApiResponse({ status: 503, type: ReadinessResponseDto, description: 'not ready; `reasons` says why' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessResponseDto> {
    const result = await this.health.ready();
    reply.status(result.status === 'ready' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}

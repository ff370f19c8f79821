import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ComponentHealthDto {
  @ApiProperty({ enum: ['up', 'down'], example: 'up' })
  status: 'up' | 'down';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    example: 3,
    description: 'round-trip time in milliseconds when up',
  })
  latencyMs?: number;

  @ApiPropertyOptional({ example: 'connect ECONNREFUSED 127.0.0.1:56379' })
  error?: string;
}

export class WorkerHealthDto {
  @ApiProperty({ enum: ['up', 'down', 'unknown'], example: 'up', description: 'unknown while Redis is down' })
  status: 'up' | 'down' | 'unknown';

  @ApiProperty({ type: 'integer', minimum: 0, example: 1, description: 'worker processes connected to the queues' })
  count: number;
}

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'degraded'], example: 'ok', description: 'degraded when Postgres or Redis is down' })
  status: 'ok' | 'degraded';

  @ApiProperty({ type: ComponentHealthDto })
  postgres: ComponentHealthDto;

  @ApiProperty({ type: ComponentHealthDto })
  redis: ComponentHealthDto;

  @ApiProperty({ type: WorkerHealthDto })
  worker: WorkerHealthDto;
}

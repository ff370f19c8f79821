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

export class LivenessResponseDto {
  @ApiProperty({ enum: ['alive'], example: 'alive' })
  status: 'alive';

  @ApiProperty({ type: 'integer', minimum: 0, example: 3600, description: 'seconds since the process started' })
  uptimeSeconds: number;
}

export class MigrationsHealthDto {
  @ApiProperty({
    enum: ['applied', 'pending', 'unknown'],
    example: 'applied',
    description: 'unknown while Postgres is down or the applied migrations cannot be read',
  })
  status: 'applied' | 'pending' | 'unknown';

  @ApiProperty({ type: [String], example: [], description: 'migrations this build knows that the database lacks' })
  pending: string[];
}

export class ReadinessResponseDto {
  @ApiProperty({ enum: ['ready', 'not_ready'], example: 'ready' })
  status: 'ready' | 'not_ready';

  @ApiProperty({ type: ComponentHealthDto })
  postgres: ComponentHealthDto;

  @ApiProperty({ type: ComponentHealthDto })
  redis: ComponentHealthDto;

  @ApiProperty({ type: MigrationsHealthDto })
  migrations: MigrationsHealthDto;

  @ApiProperty({
    type: [String],
    example: ['Redis 不可用 / Redis is unreachable: connect ECONNREFUSED 127.0.0.1:56379'],
    description: 'why the process is not ready, one line each in Chinese and English; empty when ready',
  })
  reasons: string[];
}

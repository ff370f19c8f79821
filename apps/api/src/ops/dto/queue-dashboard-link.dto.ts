import { ApiProperty } from '@nestjs/swagger';

export class QueueDashboardLinkDto {
  @ApiProperty({
    example: '/admin/queues/?ticket=3q2-7wK0Vf9x1rQfZ9w0m6f2H0yJ6mYb7V9b2gQ3kXo',
    description: '在浏览器中打开一次，即进入队列面板 / open once in a browser to enter the queue dashboard',
  })
  url: string;

  @ApiProperty({ format: 'date-time', description: '链接失效时间 / when the link stops working if unused' })
  expiresAt: string;

  @ApiProperty({
    type: 'integer',
    example: 1800,
    description: 'how long the dashboard session lasts once opened, in seconds',
  })
  sessionSeconds: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { NotificationKind } from '@app/domain';
import { Notification } from '@app/persistence';
import { PageResponse } from '../../common/page-query.dto';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NotificationKind })
  kind: NotificationKind;

  @ApiProperty({ example: '「圆梦布心·幸福家园」通过资格审查' })
  titleZh: string;

  @ApiProperty({ example: '"圆梦布心·幸福家园" passed screening' })
  titleEn: string;

  @ApiProperty({ example: '项目已通过资格审查，请留意路演安排。' })
  bodyZh: string;

  @ApiProperty({ example: 'The project passed screening; watch for the roadshow schedule.' })
  bodyEn: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'null while unread' })
  readAt: string | null;
}

export class NotificationPageDto implements PageResponse<NotificationDto> {
  @ApiProperty({ type: [NotificationDto] })
  items: NotificationDto[];

  @ApiProperty({ example: 3 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 20 })
  pageSize: number;

  @ApiProperty({ example: 1, description: 'unread notifications of the person, on every page' })
  unread: number;
}

export function toNotificationResponse(notification: Notification): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    titleZh: notification.titleZh,
    titleEn: notification.titleEn,
    bodyZh: notification.bodyZh,
    bodyEn: notification.bodyEn,
    createdAt: notification.createdAt.toISOString(),
    readAt: notification.readAt?.toISOString() ?? null,
  };
}

import { Injectable } from '@nestjs/common';
import { HooksErrors } from '@app/domain';
import { NotificationsRepository } from '@app/persistence';
import { PageQuery, pageOf } from '../common/page-query.dto';
import { NotificationDto, NotificationPageDto, toNotificationResponse } from './dto/notification.dto';

/** A person's in-app inbox: only their own notifications; anyone else's reads as missing. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async inbox(userId: string, query: PageQuery): Promise<NotificationPageDto> {
    const { page, pageSize, skip } = pageOf(query);
    const [[rows, total], unread] = await Promise.all([
      this.notifications.inbox(userId, { skip, take: pageSize }),
      this.notifications.unreadCount(userId),
    ]);
    return { items: rows.map(toNotificationResponse), total, page, pageSize, unread };
  }

  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const notification = await this.notifications.markRead(userId, id);
    if (!notification) throw HooksErrors.notificationNotFound();
    return toNotificationResponse(notification);
  }
}

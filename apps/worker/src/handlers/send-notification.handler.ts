import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EMAIL_PROVIDER, EmailProvider, SMS_PROVIDER, SmsProvider } from '@app/application';
import { NotificationsRepository } from '@app/persistence';
import { SendNotificationPayload } from '@app/queue';

export interface SendNotificationResult {
  readonly sms: number;
  readonly emails: number;
}

/**
 * The copies of one in-app notification outside the inbox: one SMS to the organization's contact
 * number and one e-mail to each of its accounts whose login is an e-mail address. A retry after a
 * provider failed sends again what went out before the failure: a duplicate reminder is the lesser harm.
 */
@Injectable()
export class SendNotificationHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    @Inject(SMS_PROVIDER) private readonly sms: SmsProvider,
    @Inject(EMAIL_PROVIDER) private readonly email: EmailProvider,
  ) {}

  async handle(data: SendNotificationPayload): Promise<SendNotificationResult> {
    const userIds = await this.notifications.organizationUsers(this.dataSource.manager, data.organizationId);
    const [message, contact] = await Promise.all([
      this.notifications.firstOf(data.dedupKey, userIds),
      this.notifications.organizationContact(data.organizationId),
    ]);
    if (!message || !contact) return { sms: 0, emails: 0 };
    let sms = 0;
    if (this.sms.available && contact.phone) {
      await this.sms.send({ to: contact.phone, text: `${message.titleZh}。${message.bodyZh}` });
      sms = 1;
    }
    let emails = 0;
    if (this.email.available) {
      for (const to of contact.emails) {
        await this.email.send({
          to,
          subject: `${message.titleZh} / ${message.titleEn}`,
          text: `${message.bodyZh}\n\n${message.bodyEn}`,
        });
        emails += 1;
      }
    }
    return { sms, emails };
  }
}

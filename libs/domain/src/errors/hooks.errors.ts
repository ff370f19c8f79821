import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum HooksRefusal {
  WebhookUrlInvalid = 'WEBHOOK_URL_INVALID',
  WebhookUrlNotHttps = 'WEBHOOK_URL_NOT_HTTPS',
  WebhookTenantRequired = 'WEBHOOK_TENANT_REQUIRED',
  WebhookTenantNotFound = 'WEBHOOK_TENANT_NOT_FOUND',
  WebhookEndpointNotFound = 'WEBHOOK_ENDPOINT_NOT_FOUND',
  WebhookDeliveryNotFound = 'WEBHOOK_DELIVERY_NOT_FOUND',
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
}

export const HooksErrors = {
  webhookUrlInvalid: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      HooksRefusal.WebhookUrlInvalid,
      { zh: '接收地址不是有效的网址', en: 'the endpoint URL is not a valid URL' },
      'url',
    ),

  /** Payloads name projects and amounts: they travel encrypted, except to this machine while developing. */
  webhookUrlNotHttps: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      HooksRefusal.WebhookUrlNotHttps,
      {
        zh: '接收地址须以 https:// 开头（仅开发环境可用 http://127.0.0.1 或 http://localhost）',
        en: 'the endpoint URL must start with https:// (http:// only to 127.0.0.1 or localhost in development)',
      },
      'url',
    ),

  /** An administrator belongs to no office, so it names the office an endpoint is for. */
  webhookTenantRequired: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      HooksRefusal.WebhookTenantRequired,
      { zh: '管理员须指定接收哪个办公室的事件', en: 'an administrator must name the office whose events to receive' },
      'tenantId',
    ),

  webhookTenantNotFound: () =>
    refusal(
      DomainErrorCode.ValidationFailed,
      HooksRefusal.WebhookTenantNotFound,
      { zh: '没有这个办公室', en: 'there is no such office' },
      'tenantId',
    ),

  webhookEndpointNotFound: () =>
    refusal(DomainErrorCode.NotFound, HooksRefusal.WebhookEndpointNotFound, {
      zh: '没有这个接收地址',
      en: 'there is no such webhook endpoint',
    }),

  webhookDeliveryNotFound: () =>
    refusal(DomainErrorCode.NotFound, HooksRefusal.WebhookDeliveryNotFound, {
      zh: '没有这条投递记录',
      en: 'there is no such webhook delivery',
    }),

  notificationNotFound: () =>
    refusal(DomainErrorCode.NotFound, HooksRefusal.NotificationNotFound, {
      zh: '没有这条通知',
      en: 'there is no such notification',
    }),
} as const;

import { DomainErrorCode } from '../domain-error-code';
import { refusal } from './refusal';

export enum OpsRefusal {
  MetricsDisabled = 'METRICS_DISABLED',
  MetricsTokenRequired = 'METRICS_TOKEN_REQUIRED',
  DashboardSignInRequired = 'DASHBOARD_SIGN_IN_REQUIRED',
  DashboardLinkInvalid = 'DASHBOARD_LINK_INVALID',
  DashboardActionNotAllowed = 'DASHBOARD_ACTION_NOT_ALLOWED',
  DashboardUnavailable = 'DASHBOARD_UNAVAILABLE',
}

export const OpsErrors = {
  /** No METRICS_TOKEN is configured: the route answers as if it did not exist. */
  metricsDisabled: () =>
    refusal(DomainErrorCode.NotFound, OpsRefusal.MetricsDisabled, {
      zh: '未启用指标接口（未设置 METRICS_TOKEN）',
      en: 'metrics are not enabled (METRICS_TOKEN is not set)',
    }),

  metricsTokenRequired: () =>
    refusal(
      DomainErrorCode.Unauthenticated,
      OpsRefusal.MetricsTokenRequired,
      { zh: '读取指标需要正确的令牌', en: 'reading the metrics needs the right bearer token' },
      'authorization',
    ),

  dashboardSignInRequired: () =>
    refusal(DomainErrorCode.Unauthenticated, OpsRefusal.DashboardSignInRequired, {
      zh: '队列面板须由管理员通过一次性链接打开，或链接的会话已过期',
      en: 'the queue dashboard opens only through an administrator’s one-time link, or its session has expired',
    }),

  dashboardLinkInvalid: () =>
    refusal(
      DomainErrorCode.Unauthenticated,
      OpsRefusal.DashboardLinkInvalid,
      { zh: '链接无效、已使用或已过期，请重新获取', en: 'the link is invalid, used or expired; ask for a new one' },
      'query.ticket',
    ),

  /** Only viewing and retrying: removing, emptying or editing jobs would destroy what the worker failed on. */
  dashboardActionNotAllowed: () =>
    refusal(DomainErrorCode.Forbidden, OpsRefusal.DashboardActionNotAllowed, {
      zh: '队列面板只允许查看和重试任务',
      en: 'the queue dashboard only views and retries jobs',
    }),

  /** Sessions live in Redis: without it nobody can be admitted, and the dashboard would show nothing anyway. */
  dashboardUnavailable: () =>
    refusal(DomainErrorCode.ServiceUnavailable, OpsRefusal.DashboardUnavailable, {
      zh: '暂时无法打开队列面板（Redis 不可用），请稍后再试',
      en: 'the queue dashboard cannot open right now (Redis is unreachable); try again later',
    }),
} as const;

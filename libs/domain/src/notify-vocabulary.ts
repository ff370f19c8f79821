import type { Bilingual } from './labels';

/**
 * What an office's webhook endpoint can subscribe to. Persisted (endpoint rows, events, deliveries)
 * and sent to receivers, so the values are spelled out and never renamed.
 */
export enum WebhookTopic {
  SubmissionSubmitted = 'submission.submitted',
  SlotLocked = 'slot.locked',
  RunSucceeded = 'run.succeeded',
  PublicationStarted = 'publication.started',
  ObjectionAnswered = 'objection.answered',
  AgreementGenerated = 'agreement.generated',
  TranchePaid = 'tranche.paid',
  EvaluationCompleted = 'evaluation.completed',
}

export const WEBHOOK_TOPIC_LABELS: Readonly<Record<WebhookTopic, Bilingual>> = {
  [WebhookTopic.SubmissionSubmitted]: { zh: '项目已提交', en: 'submission submitted' },
  [WebhookTopic.SlotLocked]: { zh: '路演评分已锁定', en: 'roadshow slot locked' },
  [WebhookTopic.RunSucceeded]: { zh: '排名与分配完成', en: 'ranking run succeeded' },
  [WebhookTopic.PublicationStarted]: { zh: '结果开始公示', en: 'publication started' },
  [WebhookTopic.ObjectionAnswered]: { zh: '异议已答复', en: 'objection answered' },
  [WebhookTopic.AgreementGenerated]: { zh: '协议书已生成', en: 'agreement generated' },
  [WebhookTopic.TranchePaid]: { zh: '资金已拨付', en: 'tranche paid' },
  [WebhookTopic.EvaluationCompleted]: { zh: '评估已完成', en: 'evaluation completed' },
};

/** One delivery attempt's outcome, as the delivery log shows it. */
export enum WebhookDeliveryStatus {
  Succeeded = 'succeeded',
  Failed = 'failed',
}

export const WEBHOOK_DELIVERY_STATUS_LABELS: Readonly<Record<WebhookDeliveryStatus, Bilingual>> = {
  [WebhookDeliveryStatus.Succeeded]: { zh: '成功', en: 'succeeded' },
  [WebhookDeliveryStatus.Failed]: { zh: '失败', en: 'failed' },
};

/** What a person is told about. Persisted with each notification, so the values are spelled out. */
export enum NotificationKind {
  ScreeningResult = 'screening-result',
  ResultPublished = 'result-published',
  ObjectionAnswered = 'objection-answered',
  ReportDue = 'report-due',
  ReportOverdue = 'report-overdue',
  TranchePaid = 'tranche-paid',
}

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, Bilingual>> = {
  [NotificationKind.ScreeningResult]: { zh: '资格审查结果', en: 'screening result' },
  [NotificationKind.ResultPublished]: { zh: '评审结果公示', en: 'result published' },
  [NotificationKind.ObjectionAnswered]: { zh: '异议答复', en: 'objection answered' },
  [NotificationKind.ReportDue]: { zh: '报告即将到期', en: 'report due' },
  [NotificationKind.ReportOverdue]: { zh: '报告已逾期', en: 'report overdue' },
  [NotificationKind.TranchePaid]: { zh: '资金已拨付', en: 'tranche paid' },
};

/** A report whose due date is this many days away or fewer gets its "due" reminder. */
export const REPORT_DUE_NOTICE_DAYS = 7;

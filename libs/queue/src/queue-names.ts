/** Persisted names: Redis keys and stored jobs outlive deployments, so values are spelled out, never derived from class names. */
export enum QueueName {
  System = 'system',
  Ranking = 'ranking',
  Agreements = 'agreements',
  Webhooks = 'webhooks',
  Notifications = 'notifications',
}

export enum JobName {
  /** Round trip through Redis and the worker, used by readiness checks and the run script. */
  SystemProbe = 'system.probe',
  /** Rank a competition's projects and allocate its pool: one ranking_run row. */
  RankAndAllocate = 'ranking.rank-and-allocate',
  /** Render the agreements of every funded project of a published run. */
  RenderAgreements = 'agreements.render',
  /** Every minute (job scheduler): award competitions whose notice period ended without open objections. */
  ClosePublicity = 'publicity.close-expired',
  /** Send one event to one office endpoint, signed; retried with backoff, each attempt logged. */
  DeliverWebhook = 'webhooks.deliver',
  /** The e-mail and SMS copies of one notification to one organization. */
  SendNotification = 'notifications.send',
  /** Every hour (job scheduler): tell organizations of reports coming due and overdue. */
  RemindReports = 'notifications.remind-reports',
}

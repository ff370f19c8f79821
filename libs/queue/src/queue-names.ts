/** Persisted names: Redis keys and stored jobs outlive deployments, so values are spelled out, never derived from class names. */
export enum QueueName {
  System = 'system',
}

export enum JobName {
  /** Round trip through Redis and the worker, used by readiness checks and the run script. */
  SystemProbe = 'system.probe',
}

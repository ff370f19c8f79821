/**
 * Redis pub/sub channels: each carries only "read again" for one thing, never data, since a message
 * is lost when nobody listens. Namespaced by the queue prefix like the queues, so deployments and
 * test runs sharing a Redis never wake each other. Every process spells them through here.
 */
export function roadshowChannel(prefix: string, roadshowId: string): string {
  return `${prefix}:signal:roadshow:${roadshowId}`;
}

export function runChannel(prefix: string, runId: string): string {
  return `${prefix}:signal:run:${runId}`;
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { MetricsService, ScorePostOutcome } from './metrics.service';

/** The judges' score post, as Fastify names the route. */
const SCORE_POST = { method: 'PUT', route: '/judge/slots/:slotId/score' };

/** A refusal's reason from its body (every refusal has the same shape), else its status. */
function scorePostOutcome(status: number, payload: unknown): ScorePostOutcome {
  if (status < 400) return { outcome: 'accepted' };
  if (typeof payload === 'string') {
    try {
      const body = JSON.parse(payload) as { reason?: unknown };
      if (typeof body.reason === 'string') return { outcome: 'refused', reason: body.reason };
    } catch {
      // Not the JSON refusal body: the status says what there is to say.
    }
  }
  return { outcome: 'refused', reason: String(status) };
}

/**
 * Fastify hooks that feed the metrics: every answer's duration by route pattern (never the raw URL,
 * whose ids would make a series per project), and each score post's outcome.
 */
export function metricsHooks(metrics: MetricsService) {
  return {
    onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
      if (request.method === SCORE_POST.method && request.routeOptions.url === SCORE_POST.route) {
        metrics.countScorePost(scorePostOutcome(reply.statusCode, payload));
      }
      return payload;
    },
    onResponse: async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      // An event stream lasts as long as a screen stays open: gongyi_live_connections counts those.
      if (request.headers.accept === 'text/event-stream') return;
      metrics.observeRequest(
        request.routeOptions.url ?? 'unmatched',
        request.method,
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
    },
  };
}

import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';

export type EvaluationMarks = Record<string, string>;

const GROUPS = ['expert', 'department', 'media', 'resident'] as const;

/** 义乌江东's five criteria (30/20/15/15/20) adding up to `quality + rest`, quality first. */
export function evaluationMarks(quality: number, rest: number): EvaluationMarks {
  const share = (max: number) => ((rest * max) / 70).toFixed(2);
  const progress = share(20);
  const awareness = share(15);
  const participation = share(15);
  const satisfaction = (rest - Number(progress) - Number(awareness) - Number(participation)).toFixed(2);
  return { quality: quality.toFixed(2), progress, awareness, participation, satisfaction };
}

interface OpenedRound {
  readonly id: string;
  readonly evaluators: readonly { readonly id: string }[];
  readonly recusals: readonly { readonly evaluatorId: string; readonly grantId: string }[];
}

/**
 * A whole evaluation round through the API as the office runs it from paper sheets: opened for
 * `stage`, one evaluator of each of the four groups, every evaluator giving each listed grant its
 * marks (a recused one skipped), then closed. Returns the closed round as the API answers it.
 */
export async function evaluate(
  app: NestFastifyApplication,
  competitionId: string,
  auth: string,
  stage: 'mid' | 'final' | 're-evaluation',
  byGrant: Readonly<Record<string, EvaluationMarks>>,
): Promise<Record<string, unknown>> {
  const api = () => request(app.getHttpServer());
  const opened = await api()
    .post(`/competitions/${competitionId}/evaluation-rounds`)
    .set('authorization', auth)
    .send({ stage })
    .expect(201);
  let round = opened.body as OpenedRound;
  for (const group of GROUPS) {
    const seated = await api()
      .post(`/evaluation-rounds/${round.id}/evaluators`)
      .set('authorization', auth)
      .send({ name: `${group}评估人`, group })
      .expect(201);
    round = seated.body as OpenedRound;
  }
  const recused = new Set(round.recusals.map((r) => `${r.evaluatorId}:${r.grantId}`));
  for (const evaluator of round.evaluators) {
    for (const [grantId, criteria] of Object.entries(byGrant)) {
      if (recused.has(`${evaluator.id}:${grantId}`)) continue;
      await api()
        .put(`/evaluation-rounds/${round.id}/sheets/${evaluator.id}/${grantId}`)
        .set('authorization', auth)
        .send({ criteria })
        .expect(200);
    }
  }
  const closed = await api().post(`/evaluation-rounds/${round.id}/close`).set('authorization', auth).expect(200);
  return closed.body as Record<string, unknown>;
}

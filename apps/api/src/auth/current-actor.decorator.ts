import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Actor } from './actor';

export interface AuthenticatedRequest extends FastifyRequest {
  actor?: Actor;
}

/** The signed-in actor; only on routes the guard admitted, so it is always present there. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without @Allow');
  return actor;
});

import { DomainError } from '@kapitel/domain';
import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { requestIdOf, type Actor as ActorType, type ClientInfo, type KapitelRequest } from '../http/request-context.js';

/** The authenticated caller of a route (the global guard has made sure there is one). */
export const Actor = createParamDecorator((_data: unknown, ctx: ExecutionContext): ActorType => {
  const actor = ctx.switchToHttp().getRequest<KapitelRequest>().actor;
  if (!actor) {
    throw new DomainError('UNAUTHENTICATED', 'Please log in');
  }
  return actor;
});

/** The caller when signed in, else null: for @Public() routes whose answer depends on who asks. */
export const OptionalActor = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ActorType | null => ctx.switchToHttp().getRequest<KapitelRequest>().actor ?? null,
);

export const IS_PUBLIC = 'kapitel:public';

/** Marks a route that needs no login (register, login, health). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller's address and request id, for routes without a logged-in actor. */
export const Client = createParamDecorator((_data: unknown, ctx: ExecutionContext): ClientInfo => {
  const req = ctx.switchToHttp().getRequest<KapitelRequest>();
  return { ip: req.ip ?? null, requestId: requestIdOf(req) };
});

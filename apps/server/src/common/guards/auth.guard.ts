import { DomainError } from '@kapitel/domain';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../decorators/actor.decorator.js';
import type { KapitelRequest } from '../http/request-context.js';

/** Global guard: every route needs a valid session unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic || context.switchToHttp().getRequest<KapitelRequest>().actor) {
      return true;
    }
    throw new DomainError('UNAUTHENTICATED', 'Please log in');
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * The origin (`https://host`) of the HTTP request being handled, for links in e-mails when
 * PUBLIC_ORIGIN is not set. Events are raised deep inside services that know nothing of the
 * request (a review transition, an assignment), so the origin travels with the async context.
 */
@Injectable()
export class RequestOrigin {
  private readonly storage = new AsyncLocalStorage<string>();

  run(origin: string, next: () => void): void {
    this.storage.run(origin, next);
  }

  /** The origin of the current request; null outside one. */
  current(): string | null {
    return this.storage.getStore() ?? null;
  }
}

/** Puts the request's own origin (after `trust proxy`) into the async context. */
@Injectable()
export class RequestOriginMiddleware implements NestMiddleware {
  constructor(private readonly origin: RequestOrigin) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    this.origin.run(`${req.protocol}://${req.get('host') ?? 'localhost'}`, next);
  }
}

import { NotFoundException } from '@nestjs/common';
import type { Request } from 'express';

/** What this code needs of Express's router layers (router 2.x). */
interface RouteLayer {
  route?: { methods: Record<string, boolean | undefined> };
  match(path: string): boolean;
}

/**
 * Whether `error` is Nest's answer to a request no route took ("Cannot PUT /api/…"), as
 * opposed to a handler's own 404 (a project that is not there).
 */
export function isUnroutedRequest(error: unknown, req: Request): boolean {
  return error instanceof NotFoundException && error.message.startsWith(`Cannot ${req.method} `);
}

/**
 * The methods the routes at the request's path answer, for a 405 with `Allow` instead of a
 * 404 when only the method is wrong (`PUT` on a section, which takes `PATCH`). Empty when no
 * route has this path. Matching runs synchronously on the router's own layers, as routing
 * does, after routing of this request has ended.
 */
export function allowedMethods(req: Request): string[] {
  const router = (req.app as unknown as { router?: { stack?: RouteLayer[] } }).router;
  const path = new URL(req.originalUrl, 'http://localhost').pathname;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    if (layer.route === undefined || !layer.match(path)) {
      continue;
    }
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on === true && method !== '_all') {
        methods.add(method.toUpperCase());
      }
    }
  }
  if (methods.has('GET')) {
    methods.add('HEAD');
  }
  return [...methods].sort();
}

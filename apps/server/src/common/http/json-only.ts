import { DomainError } from '@kapitel/domain';
import type { NextFunction, Request, Response } from 'express';

/** The one route that takes other bytes than JSON: an image upload reads its body raw (images module). */
const RAW_BODY_ROUTE = /^\/projects\/[^/]+\/images\/?$/;

/**
 * Refuses a body that is not JSON on the JSON routes with 415, naming the type it got.
 * The JSON parser leaves such a body unread, so without this the request would reach its
 * route with no body at all and be answered "title must be a string", which sends the
 * caller looking in the wrong place.
 */
export function jsonOnly(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody || (req.method === 'POST' && RAW_BODY_ROUTE.test(req.path)) || req.is('application/json') !== false) {
    next();
    return;
  }
  const given = req.headers['content-type'] ?? 'none';
  next(new DomainError('UNSUPPORTED_MEDIA_TYPE', `The request body must be JSON (Content-Type: application/json); got ${given.slice(0, 100)}`));
}

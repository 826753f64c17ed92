import { DomainError } from '@kapitel/domain';
import type { NextFunction, Request, Response } from 'express';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

type Finding = { field: string; message: string };

/**
 * The first thing in `value` (a parsed body or query) a request may not carry: a
 * prototype-polluting key (`__proto__`, `constructor`), absurd nesting, or U+0000 in a text or
 * a key. PostgreSQL stores no NUL in `text` or `jsonb`, so such a request could only fail
 * later, as a 500; found here for every route at once, in the same walk.
 */
function findRefused(value: unknown, path: string, depth: number): Finding | null {
  const here = path || 'body';
  if (depth > MAX_DEPTH) {
    return { field: here, message: `${here} is not allowed` };
  }
  if (typeof value === 'string') {
    return value.includes('\u0000') ? { field: here, message: `${here} must not contain control characters (here NUL, U+0000)` } : null;
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (FORBIDDEN.has(key)) {
      return { field, message: `${field} is not allowed` };
    }
    if (key.includes('\u0000')) {
      return { field: here, message: `${here} must not contain control characters (here NUL, U+0000)` };
    }
    const found = findRefused(inner, field, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/**
 * Refuses JSON bodies with prototype-polluting keys or absurd nesting before any code copies
 * them around (the DTO whitelist would not see such keys), and a NUL anywhere in the body or
 * the query (findRefused).
 */
export function refuseForbiddenKeys(req: Request, _res: Response, next: NextFunction): void {
  const found = findRefused(req.body, '', 0) ?? findRefused(req.query, '', 0);
  if (found) {
    next(new DomainError('VALIDATION', `Invalid request: ${found.message}`, [found]));
    return;
  }
  next();
}

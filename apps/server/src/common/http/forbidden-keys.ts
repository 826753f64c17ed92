import { DomainError } from '@kapitel/domain';
import type { NextFunction, Request, Response } from 'express';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

function findForbiddenKey(value: unknown, path: string, depth: number): string | null {
  if (depth > MAX_DEPTH) {
    return path || 'body';
  }
  if (typeof value !== 'object' || value === null) {
    return null;
  }
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN.has(key)) {
      return here;
    }
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/**
 * The first place in `value` (a parsed body or query) holding U+0000, in a text or a key:
 * PostgreSQL stores no NUL in `text` or `jsonb`, so such a request could only fail later, as a
 * 500. Found here for every route at once, named like a field of the request.
 */
function findNul(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path || 'body' : null;
  }
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) {
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) {
      return path || 'body';
    }
    const found = findNul(inner, here, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/**
 * Refuses JSON bodies with prototype-polluting keys (`__proto__`, `constructor`) or absurd
 * nesting before any code copies them around; the DTO whitelist would not see such keys. Also
 * refuses a NUL character anywhere in the body or the query (findNul).
 */
export function refuseForbiddenKeys(req: Request, _res: Response, next: NextFunction): void {
  const field = findForbiddenKey(req.body, '', 0);
  if (field) {
    next(new DomainError('VALIDATION', `Invalid request: ${field} is not allowed`, [{ field, message: `${field} is not allowed` }]));
    return;
  }
  const withNul = findNul(req.body, '', 0) ?? findNul(req.query, '', 0);
  if (withNul) {
    const message = `${withNul} must not contain control characters (here NUL, U+0000)`;
    next(new DomainError('VALIDATION', `Invalid request: ${message}`, [{ field: withNul, message }]));
    return;
  }
  next();
}

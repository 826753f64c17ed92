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
 * Refuses JSON bodies with prototype-polluting keys (`__proto__`, `constructor`) or absurd
 * nesting before any code copies them around; the DTO whitelist would not see such keys.
 */
export function refuseForbiddenKeys(req: Request, _res: Response, next: NextFunction): void {
  const field = findForbiddenKey(req.body, '', 0);
  if (field) {
    next(new DomainError('VALIDATION', `Invalid request: ${field} is not allowed`, [{ field, message: `${field} is not allowed` }]));
    return;
  }
  next();
}

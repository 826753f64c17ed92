import type { ErrorBody } from '@kapitel/domain';
import type { Answer } from './http-client.js';

/** The answer is the error `code` with `status`; with `field`, its details name that field. */
export function expectError(res: Answer, status: number, code: string, field?: string): void {
  expect(res.status).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.error.code).toBe(code);
  if (field !== undefined) {
    expect(body.error.details?.map((detail) => detail.field)).toContain(field);
  }
}

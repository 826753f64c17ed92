import { errorCodeForStatus } from './errors.js';

describe('errorCodeForStatus()', () => {
  it.each([
    [400, 'VALIDATION'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [429, 'RATE_LIMITED'],
    [502, 'SERVICE_UNAVAILABLE'],
    [503, 'SERVICE_UNAVAILABLE'],
    [500, 'INTERNAL'],
    [599, 'INTERNAL'],
  ])('maps %i to %s', (status, code) => {
    expect(errorCodeForStatus(status)).toBe(code);
  });

  it('leaves a 4xx without an obvious meaning to the caller', () => {
    expect(errorCodeForStatus(418)).toBeNull();
  });
});

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
// SQLSTATE: 08xxx connection exceptions, 57P01-57P03 shutdown / cannot connect now,
// 3D000 the database does not exist (dropped under us).
const SQLSTATE = /^(08...|57P0[123]|3D000)$/;

/**
 * True when `error` says the database cannot be reached (rather than that a query was
 * wrong): such failures are answered 503, like the health check, not as a bug (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const { code, message, driverError } = current as { code?: unknown; message?: unknown; driverError?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE.test(code))) {
      return true;
    }
    if (typeof message === 'string' && /Connection terminated|connect ECONNREFUSED/.test(message)) {
      return true;
    }
    current = driverError;
  }
  return false;
}

/**
 * True when `error` is the browser failing to fetch a part of the app's code: a chunk that
 * is gone after the server was updated (its name carries the old build's hash) or that the
 * network did not deliver. Only a reload helps then: React keeps a failed lazy import failed.
 * Browsers word it differently, and Vite's preloader adds its own.
 */
export function isLoadFailure(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  return [
    /failed to fetch dynamically imported module/i, // Chromium
    /error loading dynamically imported module/i, // Firefox
    /importing a module script failed/i, // Safari
    /unable to preload css/i, // Vite, for a stylesheet of the chunk
    /'text\/html' is not a valid javascript mime type/i, // a proxy that answered with a page
  ].some((pattern) => pattern.test(error.message));
}

import { ErrorAlert } from '../i18n';
import { isApiError } from '../lib/api';
import { NotFoundPage } from './not-found-page';

/**
 * Whether a page's resource failed to load because its address names nothing: an unknown
 * id, or something that is no id at all (the server answers 400 naming the path parameter,
 * e.g. `projectId must be a UUID`). A reader of the page has no form to correct.
 */
export function namesNothing(error: unknown): boolean {
  if (!isApiError(error)) {
    return false;
  }
  return error.code === 'NOT_FOUND' || (error.code === 'VALIDATION' && error.details.some((detail) => detail.field.endsWith('Id')));
}

/** In place of a page whose resource failed to load: "not found", or the error with a retry. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return namesNothing(error) ? <NotFoundPage /> : <ErrorAlert error={error} onRetry={onRetry} />;
}

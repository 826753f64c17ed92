// The modules themselves, not the index: that brings the design system's CSS along.
import { errorText } from '../../../i18n/error-text';
import type { Translate } from '../../../i18n/translate';
import { isApiError } from '../../../lib/api';

/**
 * What to tell someone whose image did not go up, and what to do about it. Too large and
 * unsupported go by the status too: a proxy in front of the server may answer 413 itself.
 */
export function uploadErrorText(t: Translate, error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 0) {
      return t('images.network');
    }
    if (error.code === 'FORBIDDEN') {
      return t('images.forbidden');
    }
    if (error.status === 413) {
      return t('error.IMAGE_TOO_LARGE');
    }
    if (error.status === 415) {
      return t('error.IMAGE_TYPE_UNSUPPORTED');
    }
  }
  return errorText(t, error);
}

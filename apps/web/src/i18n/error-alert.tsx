import type { FieldError } from '@kapitel/domain';
import { Alert, Button } from '../ui';
import { isApiError } from '../lib/api';
import { errorText } from './error-text';
import { useT } from './use-i18n';

export interface ErrorAlertProps {
  error: unknown;
  /** Validation details that belong to no field of the form: listed by field name. */
  otherDetails?: readonly FieldError[];
  onRetry?: () => void;
}

/**
 * A failure shown to the user in their language. For a validation failure whose details
 * are shown next to the fields, it asks to correct the marked fields instead.
 */
export function ErrorAlert({ error, otherDetails = [], onRetry }: ErrorAlertProps) {
  const t = useT();
  if (error === null || error === undefined) {
    return null;
  }
  const fieldsMarked =
    isApiError(error) && error.code === 'VALIDATION' && error.details.length > otherDetails.length;
  return (
    <Alert tone="error" live="alert">
      <p>{fieldsMarked ? t('validation.summary') : errorText(t, error)}</p>
      {otherDetails.length > 0 ? (
        <ul>
          {otherDetails.map((detail, index) => (
            <li key={`${detail.field}-${String(index)}`}>
              <code>{detail.field}</code>: {t('validation.invalid')}
            </li>
          ))}
        </ul>
      ) : null}
      {onRetry ? (
        <p>
          <Button variant="secondary" size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </p>
      ) : null}
    </Alert>
  );
}

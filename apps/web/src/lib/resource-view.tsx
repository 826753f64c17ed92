import type { ReactNode } from 'react';
import { ErrorAlert, useI18n } from '../i18n';
import { Loading } from '../ui';
import type { Resource } from './use-resource';

export interface ResourceViewProps<T> {
  resource: Resource<T[]>;
  /** Offered with the error, to try again. */
  reload: () => void;
  /** Said when there is nothing to list. */
  empty: string;
  /** What to list, when it is not the resource's data as it is (sorted, filtered). */
  items?: T[];
  children: (items: T[]) => ReactNode;
}

/**
 * A loaded list in its states: the error (with a retry, above the last list still shown), a
 * spinner while nothing is there yet, a note when it is empty, else the list itself.
 */
export function ResourceView<T>({
  resource,
  reload,
  empty,
  items = resource.data,
  children,
}: ResourceViewProps<T>) {
  const { t } = useI18n();
  let body: ReactNode;
  if (items === undefined) {
    body = resource.status === 'loading' ? <Loading label={t('app.loading')} /> : null;
  } else {
    body = items.length === 0 ? <p className="muted">{empty}</p> : children(items);
  }
  return (
    <>
      {resource.status === 'error' ? <ErrorAlert error={resource.error} onRetry={reload} /> : null}
      {body}
    </>
  );
}

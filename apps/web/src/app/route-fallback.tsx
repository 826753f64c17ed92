import { useT } from '../i18n';
import { Loading } from '../ui';

/** Shown while the code of a lazily loaded page arrives. */
export function RouteFallback() {
  const t = useT();
  return <Loading label={t('app.loading')} />;
}

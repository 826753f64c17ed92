import { Link } from 'react-router';
import { useT } from '../i18n';
import { Alert } from '../ui';

/**
 * Shown in place of a project's pages once the stream reported that the membership ended,
 * or (`projectDeleted`) that the project itself was deleted.
 */
export function AccessEnded({ projectDeleted = false }: { projectDeleted?: boolean }) {
  const t = useT();
  return (
    <Alert tone="error" live="alert" title={projectDeleted ? t('projectDeletion.gone') : t('live.revoked')}>
      <p>
        <Link to="/projects">{t('live.toProjects')}</Link>
      </p>
    </Alert>
  );
}

import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui';
import { deletedProjectOf } from '../api/delete-project';

/** On the project list after deleting a project: which one was deleted (once, on arrival). */
export function DeletedProjectNotice() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const [deleted] = useState(() => deletedProjectOf(location.state));
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (deleted === null) {
      return;
    }
    // The history entry keeps its state across a reload; the notice belongs to the moment of deleting.
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    // Filled in after the empty live region is on the page, so that screen readers announce it.
    setShown(true);
    // Once, on arrival: the line above changes the location, and `deleted` never changes.
  }, []);

  return (
    <div role="status">
      {shown && deleted !== null ? <Alert tone="success">{t('projectDeletion.done', { title: deleted })}</Alert> : null}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../../i18n';
import { Alert } from '../../../ui';
import { leftProjectOf } from '../utils/left-project';

/** On the project list after leaving a project: which one was left. */
export function LeftProjectNotice() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const [left] = useState(() => leftProjectOf(location.state));
  const [shown, setShown] = useState(false);

  useEffect(() => {
    if (left === null) {
      return;
    }
    // The history entry keeps its state across a reload; the notice belongs to the moment of leaving.
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
    // Filled in after the empty live region is on the page, so that screen readers announce it.
    setShown(true);
    // Once, on arrival: the line above changes the location, and `left` never changes.
  }, []);

  return (
    <div role="status">
      {shown && left !== null ? <Alert tone="success">{t('members.left', { title: left })}</Alert> : null}
    </div>
  );
}

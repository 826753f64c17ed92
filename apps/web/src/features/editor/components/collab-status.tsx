import { useT } from '../../../i18n';
import type { CollabState } from '../internal/collab-session';
import { describeStatus } from '../utils/status';

/**
 * "Verbunden · Alle Änderungen gespeichert": a polite live region, so a lost connection or
 * the end of saving is announced without interrupting. "Saved" is only said once the
 * server has shown that it stored every local edit (see SaveTracker).
 */
export function CollabStatus({ id, state, canEdit }: { id: string; state: CollabState; canEdit: boolean }) {
  const t = useT();
  const { keys, tone } = describeStatus(state, canEdit);
  return (
    <p id={id} className={`collab-status collab-status--${tone}`} role="status">
      <span className="collab-status__dot" aria-hidden="true" />
      <span>
        {keys.map((key, index) => (
          <span key={key}>
            {/* The spaces stay outside the hidden dot: without them a screen reader gets
                the two parts as one run-together word. */}
            {index > 0 ? (
              <>
                {' '}
                <span aria-hidden="true">·</span>{' '}
              </>
            ) : null}
            {t(key)}
          </span>
        ))}
      </span>
    </p>
  );
}

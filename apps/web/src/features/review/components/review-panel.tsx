import { REVIEW_ACTIONS, type ReviewAction, type SectionDetailResponse } from '@kapitel/domain';
import { useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import type { Resource } from '../../../lib/use-resource';
import { Alert, Button, Card } from '../../../ui';
import { transitionSection } from '../api/review-api';
import { useFocusAfterReload } from '../../../lib/use-focus-after-reload';
import { RequestChangesForm } from './request-changes-form';
import './section-page.css';

export interface ReviewPanelProps {
  projectId: string;
  detail: Resource<SectionDetailResponse>;
  /** After a step: load the section (its abilities changed) and its history again. */
  onChanged: () => void;
}

/**
 * The review steps the server says the caller may take now (`abilities`), nothing more.
 * Requesting changes asks for a note first; the other steps take effect on the click.
 */
export function ReviewPanel({ projectId, detail, onChanged }: ReviewPanelProps) {
  const t = useT();
  const actionsRef = useRef<HTMLDivElement>(null);
  const focus = useFocusAfterReload(detail, actionsRef);
  const [busy, setBusy] = useState<ReviewAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [askingNote, setAskingNote] = useState(false);
  const data = detail.data;
  if (data === undefined) {
    return null;
  }
  const { section, abilities } = data;
  const allowed = REVIEW_ACTIONS.filter((action) => abilities[`review.${action}`]);

  const take = async (action: ReviewAction, note?: string): Promise<void> => {
    setBusy(action);
    setError(null);
    setAnnouncement('');
    try {
      const changed = await transitionSection(projectId, section.id, { action, ...(note ? { note } : {}) });
      setAskingNote(false);
      setAnnouncement(t('review.done', { state: t(`reviewState.${changed.state}`) }));
      // The clicked button may be gone now: focus the first step that is offered next.
      focus.request(REVIEW_ACTIONS.map((next) => `review:${next}`));
      onChanged();
    } catch (caught) {
      setError(caught);
      throw caught;
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('review.title')}>
      <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
      <ErrorAlert error={error} />
      <div ref={actionsRef} className="review-actions" tabIndex={-1}>
        {allowed.length === 0 ? <p className="muted">{t('review.nothingToDo')}</p> : null}
        {allowed.map((action) => (
          <Button
            key={action}
            data-focus={`review:${action}`}
            variant={action === 'submit' || action === 'approve' ? 'primary' : 'secondary'}
            busy={busy === action}
            aria-expanded={action === 'request_changes' ? askingNote : undefined}
            onClick={() => {
              if (action === 'request_changes') {
                setAskingNote(!askingNote);
              } else {
                take(action).catch(() => undefined);
              }
            }}
          >
            {t(`reviewAction.${action}`)}
          </Button>
        ))}
      </div>
      {askingNote && abilities['review.request_changes'] ? (
        <RequestChangesForm
          onSubmit={(note) => take('request_changes', note)}
          onCancel={() => {
            setAskingNote(false);
            actionsRef.current?.querySelector<HTMLElement>('[data-focus="review:request_changes"]')?.focus();
          }}
        />
      ) : null}
    </Card>
  );
}

import {
  NO_OBJECTIONS,
  type Language,
  type Member,
  type ReviewState,
  type ReviewStep,
  type SectionDetailResponse,
  type Transition,
} from '@kapitel/domain';
import { useRef, useState } from 'react';
import { ErrorAlert, useT, type MessageKey } from '../../../i18n';
import type { Resource } from '../../../lib/use-resource';
import { Alert, Button, Card } from '../../../ui';
import { useSession } from '../../auth';
import {
  approvalConcerns,
  recordNoObjections,
  transitionSection,
  type ApprovalConcerns,
} from '../api/review-api';
import { useFocusAfterReload } from '../../../lib/use-focus-after-reload';
import { reviewFacts } from '../utils/review-facts';
import { reviewStanding } from '../utils/review-standing';
import { ApprovalCheck, concernTexts, writingTexts } from './approval-check';
import { ChangeRequest } from './change-request';
import { NoObjectionsList } from './no-objections-list';
import { StepCheck } from './step-check';
import { StepNoteForm } from './step-note-form';
import './section-page.css';

export interface ReviewPanelProps {
  projectId: string;
  detail: Resource<SectionDetailResponse>;
  /** After a step: load the section (its abilities changed) and its history again. */
  onChanged: () => void;
  /** The report's language, which the reviewers' notes are written in. */
  language?: Language;
  /** The section's history and the project's members as the page has them (undefined while loading). */
  history: readonly Transition[] | undefined;
  members: readonly Member[] | undefined;
  /** Who may write the section and has it open in another tab or browser now, by name. */
  writers?: readonly string[];
}

/** The steps in the order a review goes; the buttons follow it. */
const ORDER: readonly ReviewStep[] = [
  'submit',
  NO_OBJECTIONS,
  'request_changes',
  'approve',
  'reopen',
  'withdraw',
];

type NoteStep = 'request_changes' | typeof NO_OBJECTIONS | 'reopen' | 'withdraw';

/** What is open below the buttons: a step's note form, or the question before an approval or a submit. */
type Open = NoteStep | { approve: ApprovalConcerns } | 'submit' | null;

/** The words of each step's note form. */
const NOTE_FORMS: Record<
  NoteStep,
  { question?: MessageKey; label: MessageKey; hint: MessageKey; submit: MessageKey }
> = {
  request_changes: { label: 'review.note', hint: 'review.noteHint', submit: 'reviewAction.request_changes' },
  no_objections: {
    label: 'review.noObjections.note',
    hint: 'review.noObjections.hint',
    submit: 'review.noObjections.submit',
  },
  reopen: {
    question: 'review.reopen.question',
    label: 'review.reopen.note',
    hint: 'review.reopen.hint',
    submit: 'review.reopen.submit',
  },
  withdraw: {
    question: 'review.withdraw.question',
    label: 'review.withdraw.note',
    hint: 'review.withdraw.hint',
    submit: 'review.withdraw.submit',
  },
};

/**
 * The review steps the server says the caller may take now (`abilities`), nothing more.
 * Requesting changes asks for a note, "no objections", reopening and withdrawing offer one
 * (the last two ask first); approving asks first when it is probably a mistake (open
 * comments, no text); submit just happens. Above the buttons: what was asked for while
 * changes are requested, and, for whoever has no step that moves the section on, where it
 * stands and what happens next.
 */
export function ReviewPanel({ projectId, detail, onChanged, language, history, members, writers = [] }: ReviewPanelProps) {
  const t = useT();
  const userId = useSession().user?.id;
  const actionsRef = useRef<HTMLDivElement>(null);
  const focus = useFocusAfterReload(detail, actionsRef);
  const [busy, setBusy] = useState<ReviewStep | null>(null);
  const [error, setError] = useState<unknown>(null);
  // What the last step of this person did, with the state it left the section in: shown only
  // while the section is still in that state (another person's step afterwards makes it stale).
  const [announcement, setAnnouncement] = useState<{ text: string; state: ReviewState } | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const data = detail.data;
  if (data === undefined) {
    return null;
  }
  const { section, abilities } = data;
  const facts = reviewFacts(section, history, members);
  const allowed = ORDER.filter((step) => abilities[`review.${step}`]);
  const standing =
    facts.reviewerName === undefined ? [] : reviewStanding(section.state, abilities, facts.reviewerName);

  const take = async (step: ReviewStep, note?: string): Promise<void> => {
    setBusy(step);
    setError(null);
    setAnnouncement(null);
    try {
      const request = note ? { note } : {};
      if (step === NO_OBJECTIONS) {
        await recordNoObjections(projectId, section.id, request);
        setAnnouncement({ text: t('review.noObjections.done'), state: section.state });
      } else {
        const changed = await transitionSection(projectId, section.id, { action: step, ...request });
        setAnnouncement({ text: t('review.done', { state: t(`reviewState.${changed.state}`) }), state: changed.state });
      }
      setOpen(null);
      // The clicked button may be gone now: focus the first step that is offered next.
      focus.request(ORDER.map((next) => `review:${next}`));
      onChanged();
    } catch (caught) {
      setError(caught);
      throw caught;
    } finally {
      setBusy(null);
    }
  };

  // Asks the server for the facts at the click; approves at once when nothing speaks against it.
  const approve = async (): Promise<void> => {
    setBusy('approve');
    setError(null);
    setAnnouncement(null);
    let concerns: ApprovalConcerns;
    try {
      concerns = await approvalConcerns(projectId, section.id, userId);
    } catch (caught) {
      setError(caught);
      setBusy(null);
      return;
    }
    if (concernTexts(concerns, t, facts.reviewerName).length === 0 && writers.length === 0) {
      await take('approve');
    } else {
      setBusy(null);
      setOpen({ approve: concerns });
    }
  };

  const close = (step: ReviewStep): void => {
    setOpen(null);
    actionsRef.current?.querySelector<HTMLElement>(`[data-focus="review:${step}"]`)?.focus();
  };

  const isOpen = (step: ReviewStep): boolean =>
    step === 'approve' ? typeof open === 'object' && open !== null : open === step;

  // Submitting while someone else writes drops what they typed and is not stored yet: ask first.
  const submit = (): void => {
    if (isOpen('submit')) {
      close('submit');
    } else if (writers.length > 0) {
      setOpen('submit');
    } else {
      take('submit').catch(() => undefined);
    }
  };

  const noteForm = (step: NoteStep) => (
    <StepNoteForm
      question={NOTE_FORMS[step].question === undefined ? undefined : t(NOTE_FORMS[step].question)}
      required={step === 'request_changes'}
      label={t(NOTE_FORMS[step].label)}
      hint={t(NOTE_FORMS[step].hint)}
      submitLabel={t(NOTE_FORMS[step].submit)}
      onSubmit={(note) => take(step, note)}
      onCancel={() => {
        close(step);
      }}
    />
  );

  return (
    <Card title={t('review.title')}>
      <NoObjectionsList noObjections={section.noObjections} language={language} />
      {facts.changeRequest === null ? null : (
        <ChangeRequest request={facts.changeRequest} language={language} />
      )}
      {standing.length === 0 ? null : (
        <p className="review-standing">
          {standing
            .map((sentence) =>
              'name' in sentence ? t(sentence.key, { name: sentence.name }) : t(sentence.key),
            )
            .join(' ')}
        </p>
      )}
      <div role="status">
        {announcement === null || announcement.state !== section.state ? null : <Alert tone="success">{announcement.text}</Alert>}
      </div>
      <ErrorAlert error={error} />
      <div ref={actionsRef} className="review-actions" tabIndex={-1}>
        {allowed.map((step) => (
          <Button
            key={step}
            data-focus={`review:${step}`}
            variant={
              step === 'submit' || step === 'approve' || step === NO_OBJECTIONS ? 'primary' : 'secondary'
            }
            busy={busy === step && !isOpen(step)}
            aria-expanded={step === 'submit' && open !== 'submit' && writers.length === 0 ? undefined : isOpen(step)}
            onClick={() => {
              if (step === 'submit') {
                submit();
              } else if (step === 'approve') {
                if (isOpen(step)) {
                  close(step);
                } else {
                  approve().catch(() => undefined);
                }
              } else {
                setOpen(isOpen(step) ? null : step);
              }
            }}
          >
            {t(`reviewAction.${step}`)}
          </Button>
        ))}
      </div>
      {open === 'submit' && abilities['review.submit'] ? (
        <StepCheck
          question={t('review.submitCheck.question')}
          reasons={writingTexts(writers, t)}
          confirmLabel={t('review.submitCheck.confirm')}
          onConfirm={() => take('submit')}
          onCancel={() => {
            close('submit');
          }}
        />
      ) : null}
      {typeof open === 'string' && open !== 'submit' && abilities[`review.${open}`] ? noteForm(open) : null}
      {typeof open === 'object' && open !== null && abilities['review.approve'] ? (
        <ApprovalCheck
          concerns={open.approve}
          reviewerName={facts.reviewerName}
          writers={writers}
          onConfirm={() => take('approve')}
          onCancel={() => {
            close('approve');
          }}
        />
      ) : null}
    </Card>
  );
}

import type { CreatedInvitation, Role } from '@kapitel/domain';
import { useId, useRef, useState, type Ref } from 'react';
import { useSession } from '../../auth';
import { useI18n, type Translate } from '../../../i18n';
import { Alert, Button } from '../../../ui';
import { copyText } from '../utils/copy-text';
import './issued-invitation.css';

/** A link just made for an invitation, by creating it or by renewing it from the list. */
export interface IssuedLink {
  email: string;
  role: Role;
  invitation: CreatedInvitation;
  renewed: boolean;
}

type CopyOutcome = 'link' | 'text' | 'linkFailed' | 'textFailed' | null;

const OUTCOME_KEYS = {
  link: 'invite.copied',
  text: 'invite.copiedText',
  linkFailed: 'invite.copyFailed',
  textFailed: 'invite.copyTextFailed',
} as const;

export interface IssuedInvitationProps {
  issued: IssuedLink | null;
  projectTitle: string;
  /** Takes the focus after a renewal from the list (the row that had it is gone). */
  boxRef?: Ref<HTMLDivElement>;
}

/**
 * The link of a just-made invitation, shown this once (only its hash is stored): how it
 * reaches the person (e-mailed or to pass on), the link to copy, and a ready-to-send text
 * for the organisation's own mail program. The announcement lives in a live region that is
 * always present (a region inserted with its text is often not read); after a renewal the
 * box takes the focus instead, which reads it.
 */
export function IssuedInvitation({ issued, projectTitle, boxRef }: IssuedInvitationProps) {
  const { t, formatDateTime } = useI18n();
  const facts = issued === null ? null : describe(t, formatDateTime, issued);
  return (
    <>
      <p className="visually-hidden" role="status">
        {facts === null || issued?.renewed ? '' : `${facts.headline} ${facts.delivery}`}
      </p>
      {issued === null || facts === null ? null : (
        // Keyed by the invitation: a new link starts without the previous one's "copied".
        <IssuedBox key={issued.invitation.id} issued={issued} projectTitle={projectTitle} boxRef={boxRef} {...facts} />
      )}
    </>
  );
}

function describe(t: Translate, formatDateTime: (iso: string) => string, issued: IssuedLink) {
  const email = issued.email;
  const date = formatDateTime(issued.invitation.expiresAt);
  return {
    date,
    headline: issued.renewed ? t('invite.renewed', { email, date }) : t('invite.created', { email, date }),
    delivery: t(`invite.delivery.${issued.invitation.emailStatus}`, { email }),
  };
}

interface IssuedBoxProps extends IssuedInvitationProps {
  issued: IssuedLink;
  date: string;
  headline: string;
  delivery: string;
}

function IssuedBox({ issued, projectTitle, boxRef, date, headline, delivery }: IssuedBoxProps) {
  const { t } = useI18n();
  const session = useSession();
  const headingId = useId();
  const linkId = useId();
  const linkInput = useRef<HTMLInputElement>(null);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome>(null);

  const { invitation, email } = issued;
  const text = t('invite.text', {
    project: projectTitle,
    role: t(`role.${issued.role}`),
    link: invitation.url,
    date,
    email,
    name: session.user?.name ?? '',
  }).trimEnd();

  const copy = async (what: 'link' | 'text'): Promise<void> => {
    // Emptied first, so that copying the same thing twice is announced twice.
    setOutcome(null);
    if (await copyText(what === 'link' ? invitation.url : text)) {
      setOutcome(what);
      return;
    }
    if (what === 'link') {
      linkInput.current?.focus();
      linkInput.current?.select();
    } else {
      if (details.current) {
        details.current.open = true;
      }
      textArea.current?.focus();
      textArea.current?.select();
    }
    setOutcome(what === 'link' ? 'linkFailed' : 'textFailed');
  };

  return (
    <div ref={boxRef} className="issued-invitation" role="group" aria-labelledby={headingId} tabIndex={-1}>
      <Alert tone={invitation.emailStatus === 'sent' ? 'success' : 'info'}>
        <p id={headingId} className="issued-invitation__headline">
          {headline}
        </p>
        <p>{delivery}</p>
        <label className="issued-invitation__label" htmlFor={linkId}>
          {t('invite.link')}
        </label>
        <input
          ref={linkInput}
          id={linkId}
          className="field__control issued-invitation__link"
          type="text"
          readOnly
          value={invitation.url}
          onFocus={(event) => {
            event.currentTarget.select();
          }}
        />
        <div className="issued-invitation__actions">
          <Button variant="secondary" onClick={() => void copy('link')}>
            {t('invite.copy')}
          </Button>
          <Button variant="secondary" onClick={() => void copy('text')}>
            {t('invite.copyText')}
          </Button>
        </div>
        <p className="issued-invitation__status" role="status">
          {outcome === null ? '' : t(OUTCOME_KEYS[outcome])}
        </p>
        <details ref={details} className="issued-invitation__text">
          <summary>{t('invite.showText')}</summary>
          <textarea ref={textArea} className="field__control field__control--textarea" aria-label={t('invite.textLabel')} readOnly rows={12} value={text} />
        </details>
        <p className="issued-invitation__once">{t('invite.shownOnce')}</p>
      </Alert>
    </div>
  );
}

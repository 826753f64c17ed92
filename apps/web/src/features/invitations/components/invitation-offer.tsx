import type { InvitationPreview } from '@kapitel/domain';
import { Fragment, type ReactNode } from 'react';
import { nestQuotes, useI18n } from '../../../i18n';
import { Card } from '../../../ui';
import './invitation-offer.css';

/**
 * Fills a message's `{placeholders}` with elements, where t() would give plain text: the
 * project title must carry its own language (WCAG 3.1.2). Splitting the template, not the
 * filled text, keeps a name that contains "{title}" from breaking the sentence.
 */
function fillWithElements(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, index) =>
      index % 2 === 0 ? piece : <Fragment key={index}>{parts[piece] ?? `{${piece}}`}</Fragment>,
    );
}

/** What an invitation link offers: who invites to which project in which role, for which address, until when. */
export function InvitationOffer({ preview }: { preview: InvitationPreview }) {
  const { t, language, formatDateTime } = useI18n();
  const role = t(`role.${preview.role}`);
  return (
    <>
      <p className="page-header__lead invitation-offer__lead">
        {fillWithElements(t('invitationLink.offer'), {
          inviter: preview.inviterName,
          role: <strong>{role}</strong>,
          // Inside the message's quotation marks: the title's own quotes become the nested ones.
          title: <strong lang={preview.projectLanguage}>{nestQuotes(preview.projectTitle, language)}</strong>,
        })}
      </p>
      <Card title={t('invitationLink.facts')}>
        <dl className="invitation-facts">
          <div>
            <dt>{t('invitationLink.email')}</dt>
            <dd>{preview.email}</dd>
          </div>
          <div>
            <dt>{t('invitationLink.role')}</dt>
            <dd>
              {role}
              <span className="invitation-facts__hint">{t(`role.${preview.role}.description`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t('invitationLink.expiresAt')}</dt>
            <dd>
              <time dateTime={preview.expiresAt}>{formatDateTime(preview.expiresAt)}</time>
            </dd>
          </div>
        </dl>
      </Card>
    </>
  );
}

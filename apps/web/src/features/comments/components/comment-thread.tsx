import type { CommentThread, Language, Member } from '@kapitel/domain';
import { useState, type MouseEvent } from 'react';
import { ErrorAlert, quoted, useI18n } from '../../../i18n';
import { Badge, Button } from '../../../ui';
import { acceptSuggestion, createComment, setThreadResolved } from '../api/comments-api';
import { personName } from '../utils/person-name';
import type { PassagePlace } from '../utils/thread-order';
import { CommentComposer } from './comment-composer';
import { CommentEntry } from './comment-entry';
import { isApplicable, SuggestionView } from './suggestion-view';

export interface CommentThreadCardProps {
  projectId: string;
  thread: CommentThread;
  place: PassagePlace;
  /** The thread chosen in the sidebar or in the text. */
  current: boolean;
  canComment: boolean;
  /** The caller writes the section, but not in its review state now (suggested changes wait). */
  writesLater: boolean;
  members: readonly Member[];
  mentionable: readonly Member[];
  userId: string;
  language: Language;
  /** Where the focus goes when this thread leaves the list (deleted, or resolved while only open ones show). */
  focusAfterRemoval: readonly string[];
  /** Show this thread's passage in the text. */
  onSelect: (thread: CommentThread) => void;
  onChanged: (message: string, focus: readonly string[]) => void;
}

const QUOTE_LENGTH = 160;

function shortQuote(quote: string): string {
  const chars = Array.from(quote.replace(/\s+/g, ' ').trim());
  return chars.length <= QUOTE_LENGTH ? chars.join('') : `${chars.slice(0, QUOTE_LENGTH - 1).join('')}…`;
}

/** Clicks on the thread's buttons, links and fields are theirs, not a choice of the thread. */
function isFromControl(event: MouseEvent): boolean {
  return (
    event.target instanceof Element &&
    event.target.closest('button, a, input, textarea, select, label') !== null
  );
}

/**
 * A thread: the passage it is about (a button that shows it in the text), the first
 * comment, the replies, whether it is done, and replying, resolving and reopening as the
 * abilities allow.
 */
export function CommentThreadCard(props: CommentThreadCardProps) {
  const { projectId, thread, place, current, canComment, writesLater, members, mentionable, userId, language } = props;
  const { focusAfterRemoval, onSelect, onChanged } = props;
  const { t, formatDateTime } = useI18n();
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const resolved = thread.resolvedAt !== null;
  const focusKey = `thread:${thread.id}`;
  const replyFocus = `${focusKey}:reply`;
  const resolveFocus = `${focusKey}:resolve`;
  const acceptFocus = `${focusKey}:accept`;
  const suggestion = thread.suggestion;
  // Resolving an open suggestion someone else made declines it, and the button says so.
  const declines = suggestion !== null && suggestion.acceptedAt === null && !resolved && thread.author?.id !== userId;
  // `writesLater` follows the review state live; the abilities only with the next reload.
  const mayAccept = suggestion !== null && thread.abilities.accept && !writesLater && isApplicable(suggestion, place);
  const name = personName(thread.author, t);
  const authorName = thread.author?.id === userId ? t('comments.you', { name }) : name;

  const toggleResolved = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await setThreadResolved(projectId, thread.sectionId, thread.id, !resolved);
      onChanged(t(resolved ? 'comments.reopened' : declines ? 'suggestions.declined' : 'comments.resolved'), [
        resolveFocus,
        ...focusAfterRemoval,
      ]);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const accept = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await acceptSuggestion(projectId, thread.sectionId, thread.id);
      onChanged(t('suggestions.accepted'), [resolveFocus, ...focusAfterRemoval]);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className={`comment-thread${current ? ' comment-thread--current' : ''}${resolved ? ' comment-thread--resolved' : ''}`}
      aria-label={t('comments.threadLabel', { name })}
      aria-current={current ? 'true' : undefined}
      data-focus={focusKey}
      tabIndex={-1}
      onClick={(event) => {
        if (!isFromControl(event)) {
          onSelect(thread);
        }
      }}
    >
      {/* A thread whose passage is deleted stands under the heading that says so: no second line saying it again. */}
      {thread.anchor === null || place === 'detached' ? null : typeof place === 'object' ? (
        <button
          type="button"
          className="comment-thread__passage"
          lang={language}
          aria-label={t('comments.showPassage', { quote: shortQuote(place.quote) })}
          onClick={() => {
            onSelect(thread);
          }}
        >
          <span aria-hidden="true">{quoted(shortQuote(place.quote), language)}</span>
        </button>
      ) : (
        <p className="comment-thread__passage comment-thread__passage--gone">{t('comments.passageUnknown')}</p>
      )}
      {suggestion === null ? null : (
        <SuggestionView
          suggestion={suggestion}
          place={place}
          resolvedAt={thread.resolvedAt}
          resolvedBy={thread.resolvedBy}
          suggestedBy={thread.author}
          waiting={writesLater}
          language={language}
        />
      )}
      {resolved && suggestion === null ? (
        <p className="comment-thread__resolved">
          <Badge tone="success">{t('comments.resolvedBadge')}</Badge>{' '}
          {thread.resolvedAt === null ? null : (
            <span>
              {t('comments.resolvedBy', {
                name: personName(thread.resolvedBy, t),
                date: formatDateTime(thread.resolvedAt),
              })}
            </span>
          )}
        </p>
      ) : null}
      <CommentEntry
        projectId={projectId}
        comment={thread}
        isRoot
        members={members}
        mentionable={mentionable}
        userId={userId}
        language={language}
        onChanged={onChanged}
        focusAfterRemoval={focusAfterRemoval}
      />
      {thread.replies.length > 0 ? (
        <ol className="comment-thread__replies" aria-label={t('comments.repliesLabel', { name: authorName })}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentEntry
                projectId={projectId}
                comment={reply}
                isRoot={false}
                members={members}
                mentionable={mentionable}
                userId={userId}
                language={language}
                onChanged={onChanged}
                focusAfterRemoval={[replyFocus, focusKey]}
              />
            </li>
          ))}
        </ol>
      ) : null}
      <ErrorAlert error={error} />
      {replying ? (
        <CommentComposer
          className="comment-thread__reply"
          label={t('comments.field.reply')}
          submitLabel={t('comments.sendReply')}
          members={mentionable}
          onSubmit={async (body) => {
            await createComment(projectId, thread.sectionId, { body, parentId: thread.id });
            setReplying(false);
            onChanged(t('comments.replied'), [replyFocus, focusKey]);
          }}
          onCancel={() => {
            setReplying(false);
            requestAnimationFrame(() => {
              document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(replyFocus)}"]`)?.focus();
            });
          }}
        />
      ) : null}
      {(canComment && !replying) || thread.abilities.resolve || mayAccept ? (
        <div className="comment-thread__actions">
          {mayAccept ? (
            <Button
              size="small"
              data-focus={acceptFocus}
              aria-label={t('suggestions.acceptOf', { name })}
              busy={busy}
              onClick={() => void accept()}
            >
              {t('suggestions.accept')}
            </Button>
          ) : null}
          {canComment && !replying ? (
            <Button
              variant="secondary"
              size="small"
              data-focus={replyFocus}
              aria-label={t('comments.replyTo', { name })}
              onClick={() => {
                setReplying(true);
              }}
            >
              {t('comments.reply')}
            </Button>
          ) : null}
          {thread.abilities.resolve ? (
            <Button
              variant={resolved || mayAccept ? 'secondary' : 'primary'}
              size="small"
              data-focus={resolveFocus}
              aria-label={t(resolved ? 'comments.reopenOf' : declines ? 'suggestions.declineOf' : 'comments.resolveOf', { name })}
              busy={busy}
              onClick={() => void toggleResolved()}
            >
              {t(resolved ? 'comments.reopen' : declines ? 'suggestions.decline' : 'comments.resolve')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}

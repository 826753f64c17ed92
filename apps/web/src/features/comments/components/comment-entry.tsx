import type { Language, Member, SectionComment } from '@kapitel/domain';
import { useMemo, useState } from 'react';
import { ErrorAlert, useI18n } from '../../../i18n';
import { Button, ConfirmButton } from '../../../ui';
import { deleteComment, updateComment } from '../api/comments-api';
import { personName } from '../utils/person-name';
import { CommentBody } from './comment-body';
import { CommentComposer } from './comment-composer';

export interface CommentEntryProps {
  projectId: string;
  comment: SectionComment;
  /** The thread's first comment: deleting it deletes the thread. */
  isRoot: boolean;
  members: readonly Member[];
  /** Members one can mention (without oneself). */
  mentionable: readonly Member[];
  userId: string;
  language: Language;
  /** After a change: what to announce and where the focus goes once the list is loaded again. */
  onChanged: (message: string, focus: readonly string[]) => void;
  /** Where the focus goes when this comment is gone. */
  focusAfterRemoval: readonly string[];
}

/** One comment: who wrote it when, its text, and editing or deleting it as its abilities allow. */
export function CommentEntry(props: CommentEntryProps) {
  const { projectId, comment, isRoot, members, mentionable, userId, language, onChanged, focusAfterRemoval } =
    props;
  const { t, formatDateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mentionNames = useMemo(
    () =>
      comment.mentions.flatMap((id) => {
        const member = members.find((candidate) => candidate.userId === id);
        return member === undefined ? [] : [member.name];
      }),
    [comment.mentions, members],
  );
  const name = personName(comment.author, t);
  const author = comment.author?.id === userId ? t('comments.you', { name }) : name;
  const editFocus = `comment:${comment.id}:edit`;

  return (
    <div className="comment">
      <p className="comment__meta">
        <span className="comment__author">{author}</span>{' '}
        <time className="comment__time" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt)}
        </time>
        {comment.edited ? <span className="comment__edited"> ({t('comments.edited')})</span> : null}
      </p>
      {editing ? (
        <CommentComposer
          label={t('comments.field.edit')}
          submitLabel={t('comments.save')}
          initialBody={comment.body}
          optional={comment.suggestion !== null}
          members={mentionable}
          onSubmit={async (body) => {
            await updateComment(projectId, comment.sectionId, comment.id, body);
            setEditing(false);
            onChanged(t('comments.saved'), [editFocus]);
          }}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => {
              document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(editFocus)}"]`)?.focus();
            });
          }}
        />
      ) : (
        // A suggested change may come without words of its own.
        comment.body.trim() === '' ? null : <CommentBody body={comment.body} mentionNames={mentionNames} lang={language} />
      )}
      <ErrorAlert error={error} />
      {!editing && (comment.abilities.edit || comment.abilities.delete) ? (
        <div className="comment__actions">
          {comment.abilities.edit ? (
            <Button
              variant="ghost"
              size="small"
              data-focus={editFocus}
              // Every comment has these buttons: the name says whose comment they act on.
              aria-label={t('comments.editOf', { name })}
              onClick={() => {
                setError(null);
                setEditing(true);
              }}
            >
              {t('comments.edit')}
            </Button>
          ) : null}
          {comment.abilities.delete ? (
            <ConfirmButton
              label={t('comments.delete')}
              accessibleLabel={t('comments.deleteOf', { name })}
              question={t(isRoot ? 'comments.deleteThreadQuestion' : 'comments.deleteQuestion')}
              confirmLabel={t('comments.deleteConfirm')}
              cancelLabel={t('common.cancel')}
              onConfirm={async () => {
                setError(null);
                try {
                  await deleteComment(projectId, comment.sectionId, comment.id);
                  onChanged(t(isRoot ? 'comments.threadDeleted' : 'comments.deleted'), focusAfterRemoval);
                } catch (caught) {
                  setError(caught);
                  throw caught;
                }
              }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

import type { CommentThread, Language, Member } from '@kapitel/domain';
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ErrorAlert, quoted, useT } from '../../../i18n';
import { useFocusAfterReload } from '../../../lib/use-focus-after-reload';
import { useResource } from '../../../lib/use-resource';
import { Alert, Button, Loading } from '../../../ui';
import { createComment, listThreads } from '../api/comments-api';
import { useRestoredAnchors } from '../hooks/use-restored-anchors';
import type { CommentEditorPort, ComposeRequest, Highlight, SelectedPassage } from '../editor-port';
import {
  countByFilter,
  groupThreads,
  matchesFilter,
  type PassagePlace,
  type PlacedThread,
  type ThreadFilter as Filter,
} from '../utils/thread-order';
import { CommentComposer } from './comment-composer';
import { CommentThreadCard } from './comment-thread';
import { ThreadFilter } from './thread-filter';
import './comments.css';

export interface CommentsPanelProps {
  projectId: string;
  sectionId: string;
  members: readonly Member[];
  userId: string;
  /** `abilities['comment.create']` of the section: write, reply (readers only read). */
  canComment: boolean;
  /** The caller writes the section, but not in its review state now (suggested changes wait). */
  writesLater: boolean;
  /** The report's language, which comments are most likely written in. */
  language: Language;
  /** The live editor's side of comments (marks, anchors, selection). */
  editor: CommentEditorPort;
  /** Grows when the project's events say this section's comments changed. */
  reloadSignal: number;
  /** A comment to show on arrival (from a notification), or null. */
  focusCommentId: string | null;
}

/** The id of the passage being commented on in the composer, marked in the text like a thread. */
const PENDING = 'pending';

interface SidebarTarget {
  id: string;
  /** Move the keyboard focus to it (else only scroll it into view). */
  focus: boolean;
  request: number;
}

/** How long a confirmation ("Ihr Kommentar wurde gespeichert.") stays. */
const ANNOUNCEMENT_MS = 10_000;

/**
 * The comments of a section beside its text: threads in the order of the text (comments on
 * the whole section first, those whose passage was deleted apart as "Passage gelöscht"),
 * filtered by open/resolved/all, with a composer for the selected passage. Open threads are
 * marked in the text; a click on a thread shows its passage, a click on a marked passage
 * shows its thread. What others write arrives through the project's events (`reloadSignal`).
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const {
    projectId,
    sectionId,
    members,
    userId,
    canComment,
    writesLater,
    language,
    editor,
    reloadSignal,
    focusCommentId,
  } = props;
  const t = useT();
  const headingId = useId();
  const container = useRef<HTMLElement>(null);
  const composeButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const threads = useResource(
    (signal) => listThreads(projectId, sectionId, 'all', { signal }),
    [projectId, sectionId],
  );
  const focus = useFocusAfterReload(threads.resource, container);
  const version = useSyncExternalStore(editor.subscribe, editor.getVersion);
  const [filter, setFilter] = useState<Filter>('open');
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [composer, setComposer] = useState<{ passage: SelectedPassage | null; suggest: boolean } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [target, setTarget] = useState<SidebarTarget | null>(null);
  const all = useMemo(() => threads.resource.data ?? [], [threads.resource.data]);
  const reload = threads.reload;

  const seenSignal = useRef(reloadSignal);
  useEffect(() => {
    if (seenSignal.current !== reloadSignal) {
      seenSignal.current = reloadSignal;
      reload();
    }
  }, [reloadSignal, reload]);

  useRestoredAnchors({ projectId, sectionId }, all, editor, reload);

  const mentionable = useMemo(() => members.filter((member) => member.userId !== userId), [members, userId]);

  // `version` changes whenever the text moved: the places are read anew from the editor.
  const groups = useMemo(() => {
    const placeOf = (thread: CommentThread): PassagePlace =>
      thread.anchor === null ? 'unknown' : editor.place(thread.anchor);
    return groupThreads(
      all.filter((thread) => matchesFilter(thread, filter)),
      placeOf,
    );
    // `version` is no input of the computation, but says that the editor's answers changed.
  }, [all, filter, editor, version]);
  const counts = countByFilter(all);
  const selected = canComment ? editor.selectedPassage() : null;

  // Open threads are marked in the text; the current one also when resolved, while it is listed.
  useEffect(() => {
    const highlights: Highlight[] = all.flatMap((thread) =>
      thread.anchor !== null &&
      (thread.resolvedAt === null || (thread.id === currentId && matchesFilter(thread, filter)))
        ? [{ id: thread.id, anchor: thread.anchor }]
        : [],
    );
    const pending = composer?.passage ?? null;
    if (pending !== null) {
      highlights.push({ id: PENDING, anchor: pending.anchor });
    }
    editor.setHighlights(highlights, pending !== null ? PENDING : currentId);
  }, [all, currentId, composer, editor, filter]);
  useEffect(
    () => () => {
      editor.setHighlights([], null);
    },
    [editor],
  );

  /** Makes a thread current and visible in the sidebar (switching the filter when it hides it). */
  const showThread = useCallback((thread: CommentThread, moveFocus: boolean) => {
    setCurrentId(thread.id);
    setFilter((current) => (matchesFilter(thread, current) ? current : 'all'));
    setTarget((previous) => ({ id: thread.id, focus: moveFocus, request: (previous?.request ?? 0) + 1 }));
  }, []);

  useEffect(() => {
    if (target === null) {
      return;
    }
    const element = container.current?.querySelector<HTMLElement>(
      `[data-focus="${CSS.escape(`thread:${target.id}`)}"]`,
    );
    if (element) {
      element.scrollIntoView({ block: 'nearest' });
      if (target.focus) {
        element.focus({ preventScroll: true });
      }
    }
  }, [target]);

  // A click into a marked passage shows its thread; a reader (read-only text) is taken there.
  useEffect(
    () =>
      editor.onHighlightClick((ids) => {
        const thread = all.find((candidate) => ids.includes(candidate.id));
        if (thread !== undefined) {
          showThread(thread, !editor.isEditable());
        }
      }),
    [editor, all, showThread],
  );

  const openComposer = useCallback(
    (request: ComposeRequest = { suggest: false }) => {
      if (!canComment) {
        return;
      }
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setAnnouncement('');
      setComposer({ passage: editor.selectedPassage(), suggest: request.suggest });
    },
    [canComment, editor],
  );

  useEffect(() => editor.onComposeRequest(openComposer), [editor, openComposer]);

  const closeComposer = (): void => {
    setComposer(null);
    const back = opener.current;
    requestAnimationFrame(() => {
      if (back !== null && back !== document.body && back.isConnected && back.getClientRects().length > 0) {
        back.focus();
      } else {
        composeButton.current?.focus();
      }
    });
  };

  // From a notification: show the thread the comment belongs to, and its passage.
  const shownFor = useRef<string | null>(null);
  useEffect(() => {
    if (
      focusCommentId === null ||
      shownFor.current === focusCommentId ||
      threads.resource.status !== 'ready'
    ) {
      return;
    }
    const thread = all.find(
      (candidate) =>
        candidate.id === focusCommentId || candidate.replies.some((reply) => reply.id === focusCommentId),
    );
    if (thread === undefined) {
      shownFor.current = focusCommentId;
      return;
    }
    if (thread.anchor !== null && !editor.isLoaded()) {
      return; // Wait for the text, so that the passage can be shown as well.
    }
    shownFor.current = focusCommentId;
    showThread(thread, true);
    if (thread.anchor !== null) {
      editor.reveal(thread.anchor);
    }
  }, [focusCommentId, all, threads.resource.status, editor, showThread, version]);

  // A confirmation is for the moment: long after, "gespeichert" reads as about something else.
  useEffect(() => {
    if (announcement === '') {
      return;
    }
    const timer = window.setTimeout(() => {
      setAnnouncement('');
    }, ANNOUNCEMENT_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [announcement]);

  const changed = (message: string, targets: readonly string[]): void => {
    setAnnouncement(message);
    focus.request(targets);
    reload();
  };

  const select = (thread: CommentThread): void => {
    setAnnouncement('');
    setCurrentId(thread.id);
    if (thread.anchor !== null) {
      editor.reveal(thread.anchor);
    }
  };

  const ordered = [...groups.section, ...groups.passages, ...groups.detached];
  const renderGroup = (title: string, entries: PlacedThread<CommentThread>[], hint?: string) => {
    if (entries.length === 0) {
      return null;
    }
    return (
      <section className="comments__group" aria-label={title}>
        <h3 className="comments__group-title">{title}</h3>
        {hint ? <p className="comments__group-hint">{hint}</p> : null}
        <ol className="comments__list">
          {entries.map(({ thread, place }) => {
            const index = ordered.findIndex((entry) => entry.thread.id === thread.id);
            const next = ordered[index + 1] ?? ordered[index - 1];
            return (
              <li key={thread.id}>
                <CommentThreadCard
                  projectId={projectId}
                  thread={thread}
                  place={place}
                  current={thread.id === currentId}
                  canComment={canComment}
                  writesLater={writesLater}
                  members={members}
                  mentionable={mentionable}
                  userId={userId}
                  language={language}
                  focusAfterRemoval={next === undefined ? ['comments:heading'] : [`thread:${next.thread.id}`]}
                  onSelect={select}
                  onChanged={changed}
                />
              </li>
            );
          })}
        </ol>
      </section>
    );
  };

  const passage = composer?.passage ?? null;
  return (
    <section ref={container} className="comments" aria-labelledby={headingId}>
      <div className="comments__head">
        <h2 id={headingId} className="comments__title" data-focus="comments:heading" tabIndex={-1}>
          {t('comments.title')}
        </h2>
        {canComment && composer === null ? (
          <Button
            ref={composeButton}
            size="small"
            // A press keeps the selection in the text (it is what the comment is about).
            onMouseDown={(event) => {
              event.preventDefault();
            }}
            onClick={() => {
              openComposer();
            }}
          >
            {t('comments.comment')}
          </Button>
        ) : null}
      </div>
      {canComment ? (
        composer === null ? (
          <p className="comments__hint">
            {selected !== null
              ? t('comments.hintSelected')
              : // Whoever may not write the text also has "Vorschlagen" at a selection.
                t(editor.isLoaded() && !editor.isEditable() ? 'suggestions.hint' : 'comments.hint')}
          </p>
        ) : null
      ) : (
        <p className="comments__hint">{t('comments.readOnlyHint')}</p>
      )}
      <div role="status" className="comments__status">
        {announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}
      </div>
      {composer !== null ? (
        <CommentComposer
          className="comments__composer"
          label={t('comments.field.body')}
          submitLabel={t('comments.submit')}
          members={mentionable}
          {...(passage === null ? {} : { suggestFor: passage.quote, language, suggesting: composer.suggest })}
          context={
            <div className="comment-composer__context">
              {passage === null ? (
                <p className="comment-composer__about">{t('comments.composer.wholeSection')}</p>
              ) : (
                <>
                  <p className="comment-composer__about">{t('comments.composer.passage')}</p>
                  <blockquote className="comment-composer__quote" lang={language}>
                    {quoted(passage.quote, language)}
                  </blockquote>
                  {passage.clipped ? <p className="field__hint">{t('comments.composer.clipped')}</p> : null}
                </>
              )}
            </div>
          }
          onSubmit={async (body, suggestion) => {
            const comment = await createComment(projectId, sectionId, {
              body,
              ...(passage === null ? {} : { anchor: passage.anchor }),
              ...(suggestion === undefined ? {} : { suggestion }),
            });
            setComposer(null);
            setCurrentId(comment.id);
            setFilter((current) => (current === 'resolved' ? 'open' : current));
            changed(t(suggestion === undefined ? 'comments.created' : 'suggestions.created'), [`thread:${comment.id}`]);
          }}
          onCancel={closeComposer}
        />
      ) : null}
      {threads.resource.status === 'error' ? (
        <ErrorAlert error={threads.resource.error} onRetry={reload} />
      ) : null}
      {threads.resource.data === undefined ? (
        threads.resource.status === 'loading' ? (
          <Loading label={t('comments.loading')} />
        ) : null
      ) : (
        <>
          <ThreadFilter value={filter} counts={counts} onChange={setFilter} />
          {ordered.length === 0 ? <p className="comments__empty">{t(`comments.empty.${filter}`)}</p> : null}
          {renderGroup(t('comments.group.section'), groups.section)}
          {renderGroup(t('comments.group.passages'), groups.passages)}
          {renderGroup(t('comments.group.detached'), groups.detached, t('comments.group.detachedHint'))}
        </>
      )}
    </section>
  );
}

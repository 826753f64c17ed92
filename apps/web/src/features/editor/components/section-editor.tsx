import type { Language, Member, OutlineNode, Role, Source } from '@kapitel/domain';
import { EditorContent } from '@tiptap/react';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useI18n, useT } from '../../../i18n';
import { useLeaveWarning } from '../../../lib/use-leave-warning';
import { Alert, Button } from '../../../ui';
import { LazyCommentsPanel } from '../../comments';
import { focusAfter, focusToolbar } from '../internal/focus-after';
import { startLiveEditor, type LiveEditor } from '../internal/live-editor';
import type { ReadOnlyReason } from '../utils/read-only-reason';
import { useReconnect } from '../hooks/use-reconnect';
import { useUnsentEdits } from '../hooks/use-unsent-edits';
import { CollabStatus } from './collab-status';
import { CitationArea, useCitations } from './citation-area';
import { CrossRefArea, useCrossRefs } from './cross-ref-area';
import { EditorNotices, hasNotice } from './editor-notices';
import { EditorToolbar } from './editor-toolbar';
import { FootnoteArea, useFootnotes } from './footnote-area';
import { ImageControls } from './image-controls';
import { LinkDialog } from './link-dialog';
import { PresenceList } from './presence-list';
import { RestoredNotice } from './restored-notice';
import { SearchHitsBar } from './search-hits-bar';
import { TableCaptionDialog } from './table-caption-dialog';
import { WordCountLine } from './word-count-line';
import './collab-carets.css';
import './section-editor.css';

export interface SectionEditorProps {
  projectId: string;
  sectionId: string;
  /** For the editor's accessible name. */
  sectionTitle: string;
  /** The report's language: the text is marked with it (screen readers, spelling). */
  language: Language;
  /** `abilities['section.edit']`, live: the editor turns read-only (and back) without a reload. */
  canEdit: boolean;
  /** Why editing is not allowed (from readOnlyReason), null when it is. */
  readOnlyReason: ReadOnlyReason | null;
  /** The caller's role in the project, to name it in the read-only notice. */
  role: Role | undefined;
  user: { id: string; name: string };
  /** The project's members: names of authors and mentions, and whom one can mention. */
  members: readonly Member[];
  /** `abilities['comment.create']`: comment and reply (also without write access to the text). */
  canComment: boolean;
  /** Grows when the project's events say this section's comments changed. */
  commentsVersion: number;
  /** A comment to show on arrival (a notification's link), or null. */
  focusCommentId: string | null;
  /**
   * Told whether this tab holds edits the server has not stored: a page that would replace
   * the editor (access ended) keeps it then, so that the text can still be copied.
   */
  onUnsavedChange?: (unsaved: boolean) => void;
  /** Told the ids of the others who have the section open now (for the review's "still writing"). */
  onPeersChange?: (ids: readonly string[]) => void;
  /**
   * Whether the comments sidebar is there (default true). Not while the access has ended or
   * the section is in the trash: its threads are stale then, and every step would be refused.
   */
  showComments?: boolean;
  /** The report search's query when the section was opened from a result (`?q=`): its matches are marked. */
  searchQuery?: string | null;
  /** Removes the search's marks (the page takes `?q=` out of its address). */
  onEndSearch?: () => void;
  /** The report's outline, live: cross-references show their targets' numbers from it (null while loading). */
  outline?: readonly OutlineNode[] | null;
  /** Counts the changes of other sections' texts the page heard of: the report's figure numbers follow them. */
  otherTexts?: number;
  /** The project's sources, live: citations show their labels from them (null while loading). */
  sources?: readonly Source[] | null;
  /** The section's length target in words (docs/outline.md, "Length"); null: none. */
  targetWords?: number | null;
}

/** About the pinned toolbar's height (one to three rows of tools) and a line more. */
const SCROLL_MARGIN_TOP = 160;

/**
 * The section's text, edited live by everyone who may: Tiptap bound to the section's Yjs
 * document over y-websocket, with the others' carets, who is here, and whether our edits
 * are stored. Loaded as its own chunk, only on the section page.
 */
export default function SectionEditor(props: SectionEditorProps) {
  const { projectId, sectionId, user } = props;
  // Bumped to start over from the stored document (after edits the server refused).
  const [generation, setGeneration] = useState(0);
  const [live, setLive] = useState<LiveEditor | null>(null);
  // The footnote markers' spoken name and the empty text's hint, in the language of the moment
  // (the editor outlives a switch).
  const t = useT();
  const spoken = useRef(t);
  spoken.current = t;
  // The report's language for the quotes typed (the settings may change it while the text is open).
  const language = useRef(props.language);
  language.current = props.language;

  useEffect(() => {
    const started = startLiveEditor({ projectId, sectionId, userId: user.id, userName: user.name, t: spoken, language });
    setLive(started);
    return () => {
      setLive(null);
      started.destroy();
    };
  }, [projectId, sectionId, user.id, user.name, generation]);

  if (live === null) {
    return null;
  }
  return (
    <LiveSectionEditor
      key={live.id}
      {...props}
      live={live}
      onStartOver={() => {
        setGeneration((value) => value + 1);
      }}
    />
  );
}

function LiveSectionEditor({
  live,
  projectId,
  sectionId,
  sectionTitle,
  language,
  canEdit,
  readOnlyReason,
  role,
  user,
  members,
  canComment,
  commentsVersion,
  focusCommentId,
  onUnsavedChange,
  onPeersChange,
  showComments = true,
  searchQuery = null,
  onEndSearch,
  outline = null,
  otherTexts = 0,
  sources = null,
  targetWords = null,
  onStartOver,
}: SectionEditorProps & { live: LiveEditor; onStartOver: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { session, editor, marks, images } = live;
  const state = useSyncExternalStore(session.subscribe, session.getState);
  useLeaveWarning(state.unsaved);
  useReconnect(session, projectId, canEdit);
  // Edits an earlier page of ours kept come back once the stored text is here, also while we
  // may not write (any more): then the server refuses them, and the text shows them as unsaved,
  // to be copied, as before the reload (they stay kept, and are sent once we may write again).
  const unsent = useUnsentEdits(session, user.id, sectionId, state.synced && state.connection === 'connected');
  useEffect(() => {
    onUnsavedChange?.(state.unsaved);
  }, [onUnsavedChange, state.unsaved]);
  const peerIds = state.peers.map((peer) => peer.id).join(' ');
  useEffect(() => {
    onPeersChange?.(peerIds === '' ? [] : peerIds.split(' '));
  }, [onPeersChange, peerIds]);
  // Grows with every change of text and selection: the button at the selection follows it.
  useSyncExternalStore(marks.subscribe, marks.getVersion);
  const canvas = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [tableCaptionOpen, setTableCaptionOpen] = useState(false);
  const footnotes = useFootnotes(editor);
  const crossRefs = useCrossRefs(editor);
  const citations = useCitations(editor);
  const headingId = useId();
  const statusId = useId();
  const noticeId = useId();
  const keysId = useId();
  const linkDialogId = useId();

  const ended = state.connection === 'ended';
  // While reconnecting, editing goes on: Yjs keeps the edits and sends them once connected.
  const editable = canEdit && state.loaded && !ended;

  const describedBy = [hasNotice(state, readOnlyReason) ? noticeId : null, statusId, editable ? keysId : null]
    .filter((id) => id !== null)
    .join(' ');

  useEffect(() => {
    marks.setLoaded(state.loaded);
  }, [marks, state.loaded]);

  useEffect(() => {
    if (editor.isDestroyed) {
      return;
    }
    // The text stays focusable throughout, so that a focus in it stays there: turning
    // editable, it becomes editable before it loses its tabindex; turning read-only, it gets
    // its tabindex before it stops being editable (else a writer's focus fell to the page,
    // where each further space scrolled).
    if (editable) {
      editor.setEditable(true, false);
    }
    editor.setOptions({
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('editor.label', { title: sectionTitle }),
          'aria-readonly': editable ? 'false' : 'true',
          'aria-describedby': describedBy,
          lang: language,
          spellcheck: 'true',
          class: 'section-editor__text',
          // A read-only text stays reachable by keyboard: to read it, and for Ctrl+Alt+M on a selection.
          ...(editable ? {} : { tabindex: '0' }),
        },
        // The toolbar stays pinned above the text: a caret moved up (or a match stepped to)
        // is scrolled to below it, not under it.
        scrollMargin: { top: SCROLL_MARGIN_TOP, right: 8, bottom: 24, left: 8 },
        scrollThreshold: { top: SCROLL_MARGIN_TOP, right: 0, bottom: 24, left: 0 },
        handleKeyDown: (view, event) => {
          if (event.key === 'F10' && event.altKey) {
            // Alt+F10, as in other editors: to the toolbar's current tool (Shift+Tab would outdent in a list).
            return focusToolbar(view.dom);
          }
          if (event.key !== 'Escape') {
            return false;
          }
          return focusAfter(view.dom);
        },
      },
    });
    if (!editable) {
      editor.setEditable(false, false);
    }
  }, [editor, editable, describedBy, sectionTitle, language, t]);

  useEffect(() => {
    if (!editable) {
      setLinkOpen(false);
      setTableCaptionOpen(false);
    }
  }, [editable]);

  const corner = canComment && canvas.current !== null ? marks.selectionCorner(canvas.current) : null;

  return (
    <div className="section-workspace">
      <section className="section-editor" aria-labelledby={headingId}>
        <div className="section-editor__bar">
          <div className="section-editor__who">
            <h2 id={headingId} className="section-editor__heading">
              {t('editor.region')}
            </h2>
            <PresenceList self={user} peers={state.peers.filter((peer) => peer.id !== user.id)} />
          </div>
          <CollabStatus id={statusId} state={state} canEdit={canEdit} />
        </div>
        {/* Always there, so that a section turning read-only while open is announced. */}
        <div id={noticeId} role="status" className="section-editor__notices">
          <EditorNotices
            state={state}
            canEdit={canEdit}
            readOnlyReason={readOnlyReason}
            role={role}
            projectId={projectId}
            editor={editor}
            onStartOver={() => {
              unsent.discard();
              onStartOver();
            }}
            onReconnect={() => {
              session.reconnect();
            }}
          />
          <RestoredNotice
            projectId={projectId}
            sectionId={sectionId}
            selfId={user.id}
            members={members}
            onDismissed={() => {
              // The text element itself: a read-only editor takes no focus through its commands.
              editor.view.dom.focus();
            }}
          />
          {unsent.restoredFrom === null ? null : (
            <Alert tone="info">
              <p>
                {t(!canEdit ? 'editor.unsent.restoredReadOnly' : state.unsaved ? 'editor.unsent.restored' : 'editor.unsent.restoredSaved', {
                  time: formatDateTime(unsent.restoredFrom),
                })}
              </p>
            </Alert>
          )}
        </div>
        <ImageControls editor={editor} images={images} editable={editable} />
        {/* The toolbar and the search's bar stay at the top of the window while the text scrolls. */}
        <div className="section-editor__pinned">
          {canEdit && !ended ? (
            <EditorToolbar
              editor={editor}
              ready={editable}
              linkOpen={linkOpen}
              linkDialogId={linkDialogId}
              onLink={() => {
                setLinkOpen((open) => !open);
              }}
              onInsertImage={() => {
                images.pickFile();
              }}
              onEditAlt={() => {
                images.editSelected();
              }}
              onFootnote={footnotes.open}
              onCrossRef={crossRefs.open}
              onCitation={citations.open}
              onTableCaption={() => {
                setTableCaptionOpen(true);
              }}
            />
          ) : null}
          <SearchHitsBar
            marks={live.search}
            editor={editor}
            query={searchQuery}
            loaded={state.loaded}
            title={sectionTitle}
            onEnd={onEndSearch}
          />
        </div>
        {linkOpen ? (
          <LinkDialog
            id={linkDialogId}
            editor={editor}
            onClose={() => {
              setLinkOpen(false);
            }}
          />
        ) : null}
        {tableCaptionOpen ? (
          <TableCaptionDialog
            editor={editor}
            onClose={() => {
              setTableCaptionOpen(false);
            }}
          />
        ) : null}
        <div ref={canvas} className="section-editor__canvas">
          <EditorContent editor={editor} className="section-editor__frame" />
          {corner === null ? null : (
            // Just below the selection; "Vorschlagen" for whoever may not write the text (a
            // reviewer): their way to change it is a suggested change.
            <div className="selection-actions" style={{ left: corner.left, top: corner.top }}>
              <Button
                size="small"
                className="comment-at-selection"
                // Keeps the selection in the text while the button is pressed.
                onMouseDown={(event) => {
                  event.preventDefault();
                }}
                onClick={() => {
                  marks.requestCompose();
                }}
              >
                {t('comments.comment')}
              </Button>
              {editable ? null : (
                <Button
                  size="small"
                  variant="secondary"
                  className="suggest-at-selection"
                  onMouseDown={(event) => {
                    event.preventDefault();
                  }}
                  onClick={() => {
                    marks.requestCompose({ suggest: true });
                  }}
                >
                  {t('suggestions.atSelection')}
                </Button>
              )}
            </div>
          )}
        </div>
        <FootnoteArea editor={editor} footnotes={footnotes} language={language} editable={editable} />
        <CrossRefArea
          editor={editor}
          crossRefs={crossRefs}
          projectId={projectId}
          sectionId={sectionId}
          outline={outline}
          otherTexts={otherTexts}
          language={language}
          editable={editable}
          loaded={state.loaded}
        />
        <CitationArea
          editor={editor}
          citations={citations}
          projectId={projectId}
          sources={sources}
          language={language}
          editable={editable}
        />
        {state.loaded ? (
          <div className="section-editor__below">
            {canEdit && !ended ? (
              // Beside the text rather than in the toolbar: used once or twice per section.
              <Button
                variant="secondary"
                size="small"
                disabled={!editable}
                onClick={() => {
                  images.pickFile('document');
                }}
              >
                {t('import.insert')}
              </Button>
            ) : null}
            <WordCountLine editor={editor} target={targetWords} />
          </div>
        ) : null}
        {editable ? (
          <p id={keysId} className="section-editor__keys">
            {t('editor.keys')}
          </p>
        ) : null}
      </section>
      {showComments ? (
        <LazyCommentsPanel
          projectId={projectId}
          sectionId={sectionId}
          members={members}
          userId={user.id}
          canComment={canComment}
          writesLater={readOnlyReason === 'in_review' || readOnlyReason === 'approved'}
          language={language}
          editor={marks}
          reloadSignal={commentsVersion}
          focusCommentId={focusCommentId}
        />
      ) : null}
    </div>
  );
}

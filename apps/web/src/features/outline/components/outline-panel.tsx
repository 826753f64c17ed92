import type { Language, Member, OutlineNode, Section } from '@kapitel/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert, useT } from '../../../i18n';
import { Alert, Button, Card, Loading } from '../../../ui';
import { useSession } from '../../auth';
import { useOpenThreadCounts, type CommentCountSignal } from '../../comments';
import { deleteSection, moveSection } from '../api/outline-api';
import { useFocusAfterReload } from '../../../lib/use-focus-after-reload';
import { useMineOnly } from '../hooks/use-mine-only';
import { useWordCounts } from '../hooks/use-word-counts';
import { useOutline } from '../hooks/use-outline';
import { useSectionTools, type SectionForm } from '../hooks/use-section-tools';
import { myOutline } from '../utils/my-sections';
import {
  flattenOutline,
  isOverdue,
  localToday,
  moveTargets,
  outlineLinks,
  subtreeRowIds,
  type MoveDirection,
  type OutlineRow,
} from '../utils/outline-tree';
import { AddSectionForm } from './add-section-form';
import { DocumentOutline } from './document-outline';
import { MineOnlyFilter } from './mine-only-filter';
import { OutlineContextItem } from './outline-context-item';
import { useOutlineDnd } from './outline-dnd';
import { OutlineItem } from './outline-item';
import { OutlineProgress } from './outline-progress';
import { OutlineTree } from './outline-tree';
import { SectionEditor } from './section-editor';
import { SectionMoveButtons } from './section-move-buttons';
import { TrashPanel } from './trash-panel';
import './outline.css';

export interface OutlinePanelProps {
  projectId: string;
  members: readonly Member[];
  /** The report's language, for the `lang` of section titles. */
  language: Language;
  /** `outline.manage` from the project's abilities: add, move, rename, assign, delete. */
  canManage: boolean;
  /**
   * Counts changes announced by the server (someone else's edits to the outline, states,
   * assignments): each new value loads outline, progress and trash again.
   */
  liveChanges?: number;
  /** The project's events said comments changed (of one section, or maybe of all): count them again. */
  commentChanges?: CommentCountSignal;
  /** Grows with the project's `text` events: the sections' word counts are asked for again. */
  textChanges?: number;
}

/** Moves asked for while one is carried out, at most: a held-down Enter should not run on for long. */
const MAX_QUEUED_MOVES = 5;

/** Whether a resource has shown what it loads (its data, or why it could not). */
const loaded = (resource: { status: string; data: unknown }): boolean => resource.status !== 'loading' || resource.data !== undefined;

/** The report's outline with its progress; for leads also the tools to shape it. */
export function OutlinePanel(props: OutlinePanelProps) {
  const { projectId, members, language, canManage, liveChanges = 0, commentChanges, textChanges = 0 } = props;
  const t = useT();
  const { outline, dashboard, reload } = useOutline(projectId);
  const tree = useRef<HTMLDivElement>(null);
  const focus = useFocusAfterReload(outline, tree);
  const sectionTools = useSectionTools(tree);
  const editingId = sectionTools.editingId;
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [moving, setMoving] = useState<{ id: string; direction: MoveDirection } | null>(null);
  const queuedMoves = useRef<Array<{ id: string; direction: MoveDirection }>>([]);
  const [trashVersion, setTrashVersion] = useState(0);
  const userId = useSession().user?.id ?? '';
  const [mineOnly, setMineOnly] = useMineOnly();
  const mineToggle = useRef<HTMLButtonElement>(null);

  const seenChanges = useRef(liveChanges);
  useEffect(() => {
    if (seenChanges.current === liveChanges) {
      return;
    }
    seenChanges.current = liveChanges;
    reload();
    setTrashVersion((version) => version + 1);
  }, [liveChanges, reload]);

  const nodes = outline.data;
  const rows = useMemo(() => flattenOutline(nodes ?? []), [nodes]);
  const rowById = useMemo(() => new Map(rows.map((row) => [row.node.id, row])), [rows]);
  const liveSections = useMemo(
    () => (nodes === undefined ? null : new Map(rows.map((row) => [row.node.id, row.node]))),
    [nodes, rows],
  );
  const sectionIds = useMemo(() => rows.map((row) => row.node.id), [rows]);
  const openComments = useOpenThreadCounts(projectId, sectionIds, commentChanges);
  const words = useWordCounts(projectId, liveChanges, textChanges);
  const targets = useMemo(() => {
    const links = outlineLinks(rows);
    return new Map(rows.map((row) => [row.node.id, moveTargets(row, links)]));
  }, [rows]);
  // "Nur meine Abschnitte" (`?meine=1`): the person's sections with their parents as context.
  const mine = useMemo(() => myOutline(nodes ?? [], userId), [nodes, userId]);
  const today = localToday();
  const overdueCount = rows.filter((row) => isOverdue(row.node, today)).length;

  const changed = (message: string): void => {
    setError(null);
    setAnnouncement(message);
    reload();
  };

  // Moving by drag and drop (outline-dnd.tsx): the same API and announcements as the buttons.
  const dnd = useOutlineDnd({
    projectId,
    rows,
    disabled: !canManage || moving !== null || focus.pending,
    onStart: () => {
      setAnnouncement('');
    },
    onMoved: (section) => {
      focus.request([`${section.id}:link`]);
      const title = section.title;
      changed(
        section.number === null
          ? t('outline.moved', { title })
          : t('outline.movedTo', { title, number: section.number }),
      );
    },
    onFailed: (caught) => {
      setError(caught);
      reload();
    },
  });

  const move = async (row: OutlineRow, direction: MoveDirection): Promise<void> => {
    // A move computed from an outline that is about to be replaced could land elsewhere: one
    // asked for meanwhile (Enter pressed three times quickly) waits for the new outline.
    if (moving !== null || focus.pending) {
      if (queuedMoves.current.length < MAX_QUEUED_MOVES) {
        queuedMoves.current.push({ id: row.node.id, direction });
      }
      return;
    }
    const target = targets.get(row.node.id)?.[direction] ?? null;
    if (target === null) {
      queuedMoves.current = []; // the section went as far as it can
      return;
    }
    setMoving({ id: row.node.id, direction });
    setAnnouncement('');
    try {
      const section = await moveSection(projectId, row.node.id, target);
      const id = row.node.id;
      focus.request([`${id}:${direction}`, `${id}:moves`, `${id}:link`]);
      const title = section.title;
      changed(
        section.number === null
          ? t('outline.moved', { title })
          : t('outline.movedTo', { title, number: section.number }),
      );
    } catch (caught) {
      setError(caught);
      queuedMoves.current = [];
      // Refused moves (a cycle, a depth limit) usually mean someone else changed the outline.
      reload();
    } finally {
      setMoving(null);
    }
  };

  // The next queued move, once the outline shows the last one (the ref: `move` is a new function each render).
  const moveRef = useRef(move);
  moveRef.current = move;
  useEffect(() => {
    if (moving !== null || focus.pending) {
      return;
    }
    const next = queuedMoves.current.shift();
    const row = next === undefined ? undefined : rowById.get(next.id);
    if (next !== undefined && row !== undefined) {
      void moveRef.current(row, next.direction);
    }
  }, [moving, focus.pending, rowById]);

  const remove = async (section: OutlineNode): Promise<void> => {
    setAnnouncement('');
    try {
      await deleteSection(projectId, section.id);
      // Focus goes to the section that takes its place, or the one before it.
      const gone = subtreeRowIds(rows, section.id);
      const index = rows.findIndex((row) => row.node.id === section.id);
      const next = rows.slice(index).find((row) => !gone.has(row.node.id)) ?? rows[index - 1];
      focus.request(next === undefined ? [] : [`${next.node.id}:link`]);
      sectionTools.close();
      setTrashVersion((version) => version + 1);
      changed(t('outline.deleted', { title: section.title }));
    } catch (caught) {
      setError(caught);
    }
  };

  const saved = (section: Section, what: SectionForm): void => {
    changed(t(what === 'settings' ? 'outline.saved' : 'outline.assigned', { title: section.title }));
  };

  const renderItem = (node: OutlineNode) => {
    const row = rowById.get(node.id);
    const moves = targets.get(node.id);
    const comments = openComments.get(node.id) ?? 0;
    const wordCount = words.get(node.id);
    if (!canManage || row === undefined || moves === undefined) {
      return (
        <OutlineItem
          projectId={projectId}
          node={node}
          members={members}
          language={language}
          openComments={comments}
          words={wordCount}
        />
      );
    }
    const editing = editingId === node.id;
    const editorId = `outline-editor-${node.id}`;
    const tools = (
      <>
        {/* Up and down would pass sections the filter hides: moves are for the whole outline. */}
        {mineOnly ? null : (
          <SectionMoveButtons
            sectionId={node.id}
            title={node.title}
            targets={moves}
            busy={moving?.id === node.id ? moving.direction : null}
            onMove={(direction) => void move(row, direction)}
          />
        )}
        <Button
          variant="ghost"
          size="small"
          className="outline-item__edit"
          data-focus={`${node.id}:edit`}
          aria-expanded={editing}
          aria-controls={editing ? editorId : undefined}
          aria-label={t('outline.editOf', { title: node.title })}
          onClick={() => {
            sectionTools.request(editing ? null : node.id);
          }}
        >
          {t('outline.edit')}
          <span className="outline-item__chevron" aria-hidden="true" />
        </Button>
      </>
    );
    const editor = editing ? (
      <SectionEditor
        id={editorId}
        projectId={projectId}
        section={node}
        members={members}
        onSaved={saved}
        onDelete={remove}
        unsaved={sectionTools.unsaved}
        onUnsavedChange={sectionTools.setUnsaved}
        asking={sectionTools.asking}
        onDiscard={sectionTools.discard}
        onKeep={sectionTools.keep}
      />
    ) : undefined;
    return (
      <OutlineItem
        projectId={projectId}
        node={node}
        members={members}
        language={language}
        openComments={comments}
        words={wordCount}
        tools={tools}
        editor={editor}
      />
    );
  };

  const outlineCard = (
    <Card title={t('outline.title')} className="outline-card">
      <div role="status">{announcement === '' ? null : <Alert tone="success">{announcement}</Alert>}</div>
      <ErrorAlert error={error} />
      {dashboard.status === 'error' ? <ErrorAlert error={dashboard.error} /> : null}
      {dashboard.data === undefined ? null : (
        <OutlineProgress
          dashboard={dashboard.data}
          overdueCount={overdueCount}
          totalWords={words.size === 0 ? undefined : [...words.values()].reduce((sum, count) => sum + count, 0)}
        />
      )}
      {outline.status === 'error' ? <ErrorAlert error={outline.error} onRetry={reload} /> : null}
      {nodes === undefined || nodes.length === 0 ? null : (
        <MineOnlyFilter
          on={mineOnly}
          onChange={setMineOnly}
          mine={mine.mine}
          total={rows.length}
          toggleRef={mineToggle}
        />
      )}
      <div ref={tree} className="outline-card__tree" tabIndex={-1}>
        {nodes === undefined ? (
          outline.status === 'loading' ? (
            <Loading label={t('app.loading')} />
          ) : null
        ) : nodes.length === 0 ? (
          <p className="muted">{t(canManage ? 'outline.emptyLead' : 'outline.empty')}</p>
        ) : mineOnly ? (
          mine.nodes.length === 0 ? (
            <div className="mine-only__none">
              <p className="muted">{t('myWork.filter.none')}</p>
              <Button
                variant="secondary"
                size="small"
                onClick={() => {
                  // This button goes with the empty list: the focus goes to the filter's toggle.
                  setMineOnly(false);
                  mineToggle.current?.focus();
                }}
              >
                {t('myWork.filter.showAll')}
              </Button>
            </div>
          ) : (
            // Without drag and drop: a drop among the shown sections would land among hidden ones.
            <OutlineTree
              nodes={mine.nodes}
              renderItem={(node) =>
                mine.context.has(node.id) ? (
                  <OutlineContextItem projectId={projectId} node={node} language={language} />
                ) : (
                  renderItem(node)
                )
              }
              label={t('outline.title')}
            />
          )
        ) : (
          <OutlineTree
            nodes={nodes}
            renderItem={canManage ? (node) => dnd.wrap(node, renderItem(node)) : renderItem}
            label={t('outline.title')}
          />
        )}
      </div>
    </Card>
  );

  if (!canManage) {
    return outlineCard;
  }
  return (
    <>
      {outlineCard}
      {/* Below the outline, not beside it: long titles and the tools of each row need the width. */}
      <div className="outline-manage">
        <Card title={t('outline.add.title')}>
          <AddSectionForm
            projectId={projectId}
            rows={rows}
            onAdded={(section) => {
              changed(t('outline.added', { title: section.title }));
            }}
          />
        </Card>
        <DocumentOutline projectId={projectId} />
        <TrashPanel
          projectId={projectId}
          language={language}
          members={members}
          liveSections={liveSections}
          version={trashVersion}
          aboveLoaded={loaded(outline) && loaded(dashboard)}
          onRestored={(section) => {
            focus.request([`${section.id}:link`]);
            changed(t('trash.restored', { title: section.title }));
          }}
        />
      </div>
    </>
  );
}

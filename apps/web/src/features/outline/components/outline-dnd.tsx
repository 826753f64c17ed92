import type { MoveSectionRequest, OutlineNode, Section } from '@kapitel/domain';
import { useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useT } from '../../../i18n';
import { moveSection } from '../api/outline-api';
import { dropTarget, dropZoneAt, type DropZone } from '../utils/drop-target';
import { outlineLinks, type OutlineRow } from '../utils/outline-tree';
import './outline-dnd.css';

export interface UseOutlineDndOptions {
  projectId: string;
  rows: readonly OutlineRow[];
  /** No drags while the outline is being changed or about to be reloaded. */
  disabled: boolean;
  /** A drop is being sent. */
  onStart: () => void;
  onMoved: (section: Section) => void;
  onFailed: (caught: unknown) => void;
}

export interface OutlineDnd {
  /** Wraps a rendered outline item with a drag handle and makes it a drop target. */
  wrap: (node: OutlineNode, item: ReactNode) => ReactNode;
}

interface Hover {
  id: string;
  zone: DropZone;
}

/**
 * Moving sections by mouse with HTML5 drag and drop, for leads, beside the keyboard buttons.
 * A section is dragged by its handle and dropped just above or below another section (top or
 * bottom quarter of its row) or onto it to become its last sub-section. Drops the tree rules
 * forbid (`moveProblem`: a cycle, too deep) or that change nothing show no indicator and are
 * not accepted. The move goes to the same API as the buttons.
 */
export function useOutlineDnd({
  projectId,
  rows,
  disabled,
  onStart,
  onMoved,
  onFailed,
}: UseOutlineDndOptions): OutlineDnd {
  const t = useT();
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const busy = useRef(false);
  const links = useMemo(() => outlineLinks(rows), [rows]);
  const rowById = useMemo(() => new Map(rows.map((row) => [row.node.id, row])), [rows]);

  const targetOf = (
    row: OutlineRow,
    event: DragEvent<HTMLElement>,
  ): { zone: DropZone; request: MoveSectionRequest | null } => {
    const rect = event.currentTarget.getBoundingClientRect();
    const zone = dropZoneAt(event.clientY - rect.top, rect.height);
    const request = draggedId === null || disabled ? null : dropTarget(rows, links, draggedId, row, zone);
    return { zone, request };
  };

  const finish = (): void => {
    setDraggedId(null);
    setHover(null);
  };

  const send = async (id: string, request: MoveSectionRequest): Promise<void> => {
    busy.current = true;
    onStart();
    try {
      onMoved(await moveSection(projectId, id, request));
    } catch (caught) {
      onFailed(caught);
    } finally {
      busy.current = false;
    }
  };

  const wrap = (node: OutlineNode, item: ReactNode): ReactNode => {
    const row = rowById.get(node.id);
    if (row === undefined) {
      return item;
    }
    const zone = hover !== null && hover.id === node.id ? hover.zone : null;
    const hoverOver = (event: DragEvent<HTMLElement>): void => {
      const { zone: at, request } = targetOf(row, event);
      if (request === null) {
        // Not accepted: the browser shows "no drop" and we draw no indicator.
        if (hover !== null && hover.id === node.id) {
          setHover(null);
        }
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      if (hover === null || hover.id !== node.id || hover.zone !== at) {
        setHover({ id: node.id, zone: at });
      }
    };
    return (
      <div
        className="outline-dnd"
        data-drop={zone ?? undefined}
        data-dragging={draggedId === node.id ? 'true' : undefined}
        // Chromium fires dragenter, not dragover, on each newly entered element: handle both.
        onDragEnter={hoverOver}
        onDragOver={hoverOver}
        onDragLeave={(event) => {
          const next = event.relatedTarget;
          if (next instanceof Node && event.currentTarget.contains(next)) {
            return;
          }
          setHover((current) => (current !== null && current.id === node.id ? null : current));
        }}
        onDrop={(event) => {
          const { request } = targetOf(row, event);
          const id = draggedId;
          finish();
          if (request === null || id === null || busy.current) {
            return;
          }
          event.preventDefault();
          void send(id, request);
        }}
      >
        <span
          className="outline-dnd__handle"
          // Mouse only: keyboard users have the move buttons, which say the same in words.
          aria-hidden="true"
          title={t('outline.dnd.handle')}
          draggable={!disabled}
          data-drag-handle={node.id}
          onDragStart={(event) => {
            if (disabled || busy.current) {
              event.preventDefault();
              return;
            }
            event.dataTransfer.effectAllowed = 'move';
            event.dataTransfer.setData('text/plain', node.title);
            const wrapper = event.currentTarget.parentElement;
            if (wrapper !== null) {
              event.dataTransfer.setDragImage(wrapper, 12, 12);
            }
            setDraggedId(node.id);
          }}
          onDragEnd={finish}
        >
          ⠿
        </span>
        <div className="outline-dnd__item">{item}</div>
        {zone === null ? null : (
          <>
            {zone === 'inside' ? null : <span className="outline-dnd__line" aria-hidden="true" />}
            <span className="outline-dnd__label" aria-hidden="true">
              {t(zone === 'inside' ? 'outline.dnd.dropInside' : 'outline.dnd.dropHere')}
            </span>
          </>
        )}
      </div>
    );
  };

  return { wrap };
}

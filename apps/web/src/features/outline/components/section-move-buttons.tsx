import type { MoveSectionRequest } from '@kapitel/domain';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';
import { MOVE_DIRECTIONS, type MoveDirection } from '../utils/outline-tree';

const GLYPHS: Record<MoveDirection, string> = { up: '↑', down: '↓', indent: '→', outdent: '←' };

export interface SectionMoveButtonsProps {
  sectionId: string;
  title: string;
  /** Where each direction leads; null disables that button. */
  targets: Record<MoveDirection, MoveSectionRequest | null>;
  /** The direction being carried out right now, if any. */
  busy: MoveDirection | null;
  onMove: (direction: MoveDirection) => void;
}

/**
 * Buttons that move a section by keyboard as well as by mouse; a move that the tree rules
 * forbid is disabled rather than answered with an error. `data-focus` lets the outline put
 * the focus back on the same button once the moved section has been drawn in its new place;
 * when that button is disabled now (the section reached the top), on the group, where a
 * second Enter does nothing (on the opposite button it would move the section back). A press
 * while a move runs is queued by the outline, and carried out once the move shows.
 */
export function SectionMoveButtons({ sectionId, title, targets, busy, onMove }: SectionMoveButtonsProps) {
  const t = useT();
  return (
    <div
      className="outline-item__moves"
      role="group"
      aria-label={t('outline.moveGroup', { title })}
      tabIndex={-1}
      data-focus={`${sectionId}:moves`}
    >
      {MOVE_DIRECTIONS.map((direction) => (
        <Button
          key={direction}
          variant="secondary"
          size="small"
          className="outline-item__move"
          data-focus={`${sectionId}:${direction}`}
          aria-label={t(`outline.moveOf.${direction}`, { title })}
          title={t(`outline.move.${direction}`)}
          disabled={targets[direction] === null}
          busy={busy === direction}
          queuesWhileBusy
          onClick={() => {
            onMove(direction);
          }}
        >
          <span aria-hidden="true">{GLYPHS[direction]}</span>
        </Button>
      ))}
    </div>
  );
}

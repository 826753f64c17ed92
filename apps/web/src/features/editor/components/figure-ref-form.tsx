import type { FigureKind, FigureRefAttrs } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n, type Translate } from '../../../i18n';
import { Button } from '../../../ui';
import { figureLabel, figureSectionLabel, filterFigureTargets, type FigureTarget } from '../utils/figure-refs';
import { TargetPicker } from './target-picker';
import { useTargetChoice } from './use-target-choice';

export interface FigureRefFormProps {
  editor: Editor;
  /** What is listed: the report's figures ('figure') or its tables ('table'). */
  kind: FigureKind;
  /** The report's figures and tables, this section's from its live text; null while they load. */
  targets: readonly FigureTarget[] | null;
  /** The selected reference, to be changed; null for a new one at the cursor. */
  changing: FigureRefAttrs | null;
  /** The words of the text, in the report's language ("Abbildung 3"), as the text and the PDF name it. */
  words: Translate;
  /** The address of a figure in another section (its section's page). */
  href: (target: FigureTarget) => string;
  /** Shows a figure of this text (scrolled to), after the dialog closed. */
  show: (target: FigureTarget) => void;
  /** The dialog is done; `said` is what happened, for the page to announce (null: nothing). */
  onClose: (said: string | null) => void;
}

/**
 * The cross-reference dialog's part for a figure or a table: the report's captioned ones as
 * radio buttons (number, caption, and the section they are in), with a filter above them,
 * used as the section's part is (section-ref-form.tsx). One without an id (its section was
 * written before ids and not opened since) cannot be pointed to yet: shown, not choosable,
 * with the reason.
 */
export function FigureRefForm({ editor, kind, targets, changing, words, href, show, onClose }: FigureRefFormProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const table = kind === 'table';
  const all = targets === null ? [] : filterFigureTargets(targets, kind, '');
  const shown = targets === null ? [] : filterFigureTargets(targets, kind, filter);
  const choosable = shown.filter((target) => target.figureId !== '');
  const current = changing === null ? undefined : targets?.find((target) => target.figureId === changing.figureId);
  const { chosen, choose, missing, clearMissing, list, name, take, intoList } = useTargetChoice(
    choosable.map((target) => target.figureId),
    changing?.kind === kind ? changing.figureId : '',
  );

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const id = take();
    const target = choosable.find((candidate) => candidate.figureId === id);
    if (target === undefined) {
      return;
    }
    // No focus() here: the text is inert while the dialog is open; closing it focuses the text.
    if (!editor.chain().setFigureRef({ figureId: target.figureId, kind: target.kind, caption: target.caption }).run()) {
      onClose(null);
      return;
    }
    const label = figureLabel(target.kind, target.number, words);
    onClose(t(changing === null ? 'figureRefs.inserted' : 'figureRefs.changed', { label }));
  };

  const empty =
    targets === null
      ? t('figureRefs.dialog.loading')
      : all.length === 0
        ? t(table ? 'figureRefs.dialog.emptyTable' : 'figureRefs.dialog.emptyFigure')
        : shown.length === 0
          ? t(table ? 'figureRefs.dialog.noneTable' : 'figureRefs.dialog.noneFigure', { filter: filter.trim() })
          : null;
  const count = t(table ? 'figureRefs.dialog.countTable' : 'figureRefs.dialog.countFigure', { count: shown.length, total: all.length });

  return (
    <TargetPicker
      onSubmit={submit}
      filterLabel={t(table ? 'figureRefs.dialog.filterTable' : 'figureRefs.dialog.filterFigure')}
      filterHint={t(table ? 'figureRefs.dialog.filterHintTable' : 'figureRefs.dialog.filterHintFigure')}
      filter={filter}
      onFilter={(value) => {
        setFilter(value);
        clearMissing();
      }}
      onFilterKeyDown={intoList}
      list={list}
      name={name}
      missing={missing}
      required={t(table ? 'figureRefs.dialog.requiredTable' : 'figureRefs.dialog.requiredFigure')}
      status={empty ?? (filter.trim() === '' ? '' : count)}
      changing={changing !== null}
      onCancel={() => {
        onClose(null);
      }}
      follow={
        current === undefined || current.figureId === '' ? null : (
          <p className="cross-ref-dialog__follow">
            {current.here ? (
              <Button
                variant="ghost"
                onClick={() => {
                  onClose(null);
                  show(current);
                }}
              >
                {t('figureRefs.dialog.follow', { label: figureLabel(current.kind, current.number, words) })}
              </Button>
            ) : (
              <Link to={href(current)}>{t('figureRefs.dialog.follow', { label: figureLabel(current.kind, current.number, words) })}</Link>
            )}
          </p>
        )
      }
    >
      {shown.map((target, index) => {
        const unready = target.figureId === '';
        const hintId = `${name}-unready-${String(index)}`;
        return (
          <div key={`${target.figureId}:${String(index)}`} className="figure-ref-dialog__item">
            <label className={`cross-ref-dialog__target figure-ref-dialog__target${unready ? ' figure-ref-dialog__target--unready' : ''}`}>
              <input
                type="radio"
                name={name}
                value={target.figureId}
                disabled={unready}
                aria-describedby={unready ? hintId : undefined}
                checked={!unready && chosen === target.figureId}
                onChange={() => {
                  choose(target.figureId);
                }}
              />
              <span>
                <span className="cross-ref-dialog__number">{figureLabel(target.kind, target.number, words)}</span>{' '}
                {target.caption}{' '}
                <span className="figure-ref-dialog__section">{figureSectionLabel(target, t)}</span>
              </span>
            </label>
            {unready ? (
              <p id={hintId} className="figure-ref-dialog__unready">
                {t('figureRefs.dialog.noId')}
              </p>
            ) : null}
          </div>
        );
      })}
    </TargetPicker>
  );
}

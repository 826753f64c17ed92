import type { SectionRefAttrs } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n, type Translate } from '../../../i18n';
import { filterTargets, targetLabel, type SectionTarget } from '../utils/cross-refs';
import { TargetPicker } from './target-picker';
import { useTargetChoice } from './use-target-choice';

export interface SectionRefFormProps {
  editor: Editor;
  /** The sections one can point to (the section being edited left out); null while the outline loads. */
  targets: readonly SectionTarget[] | null;
  /** The selected reference, to be changed; null for a new one at the cursor. */
  changing: SectionRefAttrs | null;
  /** The words of the text, in the report's language: the announcement names the target as the text does. */
  report: Translate;
  /** The page of the changed reference's target, when it is there: the keyboard's way to follow a reference. */
  targetHref: string | null;
  /** The dialog is done; `said` is what happened, for the page to announce (null: nothing). */
  onClose: (said: string | null) => void;
}

/**
 * The cross-reference dialog's part for a section: the report's sections as radio buttons,
 * indented by depth, with a filter above them. The filter has the focus first (CrossRefDialog);
 * Enter in it takes the chosen section, or the only one left; Tab reaches the list, whose
 * arrow keys choose.
 */
export function SectionRefForm({ editor, targets, changing, report, targetHref, onClose }: SectionRefFormProps) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const shown = targets === null ? [] : filterTargets(targets, filter);
  // The reference being changed: its target is in view, checked, in a long outline too.
  const { chosen, choose, missing, clearMissing, list, name, take, intoList } = useTargetChoice(
    shown.map((target) => target.id),
    changing?.sectionId ?? '',
  );

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const id = take();
    const target = shown.find((candidate) => candidate.id === id);
    if (target === undefined) {
      return;
    }
    // No focus() here: the text is inert while the dialog is open; closing it focuses the text.
    if (!editor.chain().setSectionRef({ sectionId: target.id, title: target.title }).run()) {
      onClose(null);
      return;
    }
    const label = targetLabel(target, report);
    onClose(t(changing === null ? 'crossRefs.inserted' : 'crossRefs.changed', { label }));
  };

  const empty =
    targets === null
      ? t('crossRefs.dialog.loading')
      : targets.length === 0
        ? t('crossRefs.dialog.empty')
        : shown.length === 0
          ? t('crossRefs.dialog.none', { filter: filter.trim() })
          : null;

  return (
    <TargetPicker
      onSubmit={submit}
      filterLabel={t('crossRefs.dialog.filter')}
      filterHint={t('crossRefs.dialog.filterHint')}
      filter={filter}
      onFilter={(value) => {
        setFilter(value);
        clearMissing();
      }}
      onFilterKeyDown={intoList}
      list={list}
      name={name}
      missing={missing}
      required={t('crossRefs.dialog.required')}
      status={empty ?? (filter.trim() === '' ? '' : t('crossRefs.dialog.count', { count: shown.length, total: targets?.length ?? 0 }))}
      changing={changing !== null}
      onCancel={() => {
        onClose(null);
      }}
      follow={
        changing === null || targetHref === null ? null : (
          <p className="cross-ref-dialog__follow">
            <Link to={targetHref}>
              {t('crossRefs.dialog.follow', {
                title: targets?.find((target) => target.id === changing.sectionId)?.title ?? changing.title,
              })}
            </Link>
          </p>
        )
      }
    >
      {shown.map((target) => (
        <label
          key={target.id}
          className="cross-ref-dialog__target"
          style={{ paddingInlineStart: `${String((target.depth - 1) * 1.5 + 0.5)}rem` }}
        >
          <input
            type="radio"
            name={name}
            value={target.id}
            checked={chosen === target.id}
            onChange={() => {
              choose(target.id);
            }}
          />
          <span>
            {target.number === null ? null : (
              <>
                <span className="cross-ref-dialog__number">{target.number}</span>{' '}
              </>
            )}
            {target.title}
          </span>
        </label>
      ))}
    </TargetPicker>
  );
}

import type { FormEvent, KeyboardEvent, ReactNode, RefObject } from 'react';
import { useT } from '../../../i18n';
import { Button, TextField } from '../../../ui';

export interface TargetPickerProps {
  onSubmit: (event: FormEvent) => void;
  filterLabel: string;
  filterHint: string;
  filter: string;
  onFilter: (value: string) => void;
  /** The filter's keys (the arrow down goes into the list: useTargetChoice's intoList). */
  onFilterKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** useTargetChoice's fieldset, radio name and whether a choice is missing. */
  list: RefObject<HTMLFieldSetElement | null>;
  name: string;
  missing: boolean;
  /** Said at the list when "Einfügen" found nothing chosen. */
  required: string;
  /** Said after each change of the filter (what is left, or why nothing is). */
  status: string;
  /** A reference being changed (the button says "Übernehmen") rather than a new one. */
  changing: boolean;
  onCancel: () => void;
  /** The radio buttons. */
  children: ReactNode;
  /** Below the buttons: the way to the target of the reference being changed. */
  follow?: ReactNode;
  /** The list's name (default "Abschnitte"). */
  legend?: string;
  /** Fields between the list and the buttons (a citation's page). */
  extra?: ReactNode;
}

/**
 * The frame of the cross-reference dialog's lists (section-ref-form.tsx, figure-ref-form.tsx):
 * a filter field, the targets as a group of radio buttons with its error and a live count,
 * and the buttons.
 */
export function TargetPicker(props: TargetPickerProps) {
  const t = useT();
  const { list, name, missing } = props;
  return (
    <form noValidate onSubmit={props.onSubmit}>
      <TextField
        label={props.filterLabel}
        hint={props.filterHint}
        type="search"
        autoComplete="off"
        spellCheck={false}
        value={props.filter}
        onChange={(event) => {
          props.onFilter(event.target.value);
        }}
        onKeyDown={props.onFilterKeyDown}
      />
      <fieldset
        ref={list}
        className={`field field--group cross-ref-dialog__targets${missing ? ' field--invalid' : ''}`}
        aria-describedby={missing ? `${name}-error` : undefined}
      >
        <legend className="field__label">{props.legend ?? t('crossRefs.dialog.sections')}</legend>
        {missing ? (
          <p className="field__error" id={`${name}-error`}>
            {props.required}
          </p>
        ) : null}
        {/* Said after each change of the filter, so that a screen reader knows what is left. */}
        <p role="status" className="field__hint">
          {props.status}
        </p>
        <div className="cross-ref-dialog__list">{props.children}</div>
      </fieldset>
      {props.extra}
      <div className="form-actions">
        <Button type="submit">{t(props.changing ? 'crossRefs.dialog.apply' : 'crossRefs.dialog.insert')}</Button>
        <Button variant="ghost" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
      {props.follow}
    </form>
  );
}

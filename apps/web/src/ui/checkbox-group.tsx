import { useId, type ReactNode } from 'react';
import './field.css';

export interface CheckboxGroupProps {
  /** The form field name, so that a form can focus the group when it has a problem. */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** A translated message; the group is then marked invalid and described by it. */
  error?: string | null;
  options: readonly { value: string; label: string }[];
  /** The values of the checked options. */
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** Shown instead of the checkboxes when there are no options. */
  emptyText?: ReactNode;
}

/** Several checkboxes under one legend, e.g. the people a section is assigned to. */
export function CheckboxGroup(props: CheckboxGroupProps) {
  const { name, legend, hint, error, options, value, onChange, emptyText } = props;
  const id = useId();
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const toggle = (option: string, checked: boolean): void => {
    onChange(checked ? [...value, option] : value.filter((item) => item !== option));
  };
  return (
    <fieldset
      name={name}
      tabIndex={-1}
      className={`field field--group${error ? ' field--invalid' : ''}`}
      aria-describedby={described === '' ? undefined : described}
    >
      <legend className="field__label">{legend}</legend>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {options.length === 0 && emptyText ? <p className="field__hint">{emptyText}</p> : null}
      {options.map((option, index) => (
        <div key={option.value} className="field__checkbox-row">
          <input
            id={`${id}-${String(index)}`}
            type="checkbox"
            className="field__checkbox"
            checked={value.includes(option.value)}
            onChange={(event) => {
              toggle(option.value, event.target.checked);
            }}
          />
          <label htmlFor={`${id}-${String(index)}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

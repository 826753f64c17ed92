import { useId, type InputHTMLAttributes, type Ref } from 'react';

export type CellFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> & {
  /** The field's name for screen readers; the column heading says it to the eye. */
  label: string;
  /** A translated message: the control is marked invalid and described by it. */
  error: string | null;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A text field inside a table cell (a row being edited): its label hidden, since the column
 * heading shows what it is, and its error below it, linked by aria-describedby like the
 * fields of every other form.
 */
export function CellField({ label, error, className, ...rest }: CellFieldProps) {
  const id = useId();
  return (
    <div className={`abbreviation-cell-field${error ? ' abbreviation-cell-field--invalid' : ''}`}>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        {...rest}
        id={id}
        type="text"
        className={`field__control${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

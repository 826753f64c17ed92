import { useId } from 'react';
import './segmented.css';

export interface SegmentedProps<T extends string> {
  /** What is chosen, said above the choices (the fieldset's legend). */
  legend: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  className?: string;
}

/** One of a few choices: radio buttons drawn as one segmented control. */
export function Segmented<T extends string>({ legend, value, options, onChange, className }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className={className === undefined ? 'segmented' : `segmented ${className}`}>
      <legend className="segmented__legend">{legend}</legend>
      <div className="segmented__options">
        {options.map((option) => (
          <label key={option.value} className="segmented__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => {
                onChange(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

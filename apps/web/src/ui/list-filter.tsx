import { TextField } from './field';
import './list-filter.css';

export interface ListFilterProps {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  /** Said after each change ("3 von 20 Quellen"); '' while nothing is filtered. */
  status: string;
}

/** The filter field above a long list (abbreviations, sources) and the live count of what it leaves. */
export function ListFilter({ label, hint, value, onChange, status }: ListFilterProps) {
  return (
    <div className="list-filter">
      <TextField
        type="search"
        label={label}
        hint={hint}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <p className="list-filter__count" role="status">
        {status}
      </p>
    </div>
  );
}

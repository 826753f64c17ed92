import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/**
 * The choice of a cross-reference dialog's list (section-ref-form.tsx, figure-ref-form.tsx):
 * radio buttons by id in a fieldset, with a filter field above them. `choosable` are the ids
 * that can be chosen as the list stands (filtered); `initial` the target of a reference being
 * changed, scrolled into view when the list opens.
 */
export function useTargetChoice(choosable: readonly string[], initial: string) {
  const [chosen, setChosen] = useState(initial);
  const [missing, setMissing] = useState(false);
  const list = useRef<HTMLFieldSetElement>(null);
  const name = useId();

  useEffect(() => {
    list.current?.querySelector<HTMLInputElement>('input:checked')?.scrollIntoView({ block: 'nearest' });
  }, []);

  const radio = (id: string): HTMLInputElement | null =>
    list.current?.querySelector<HTMLInputElement>(`input[value="${CSS.escape(id)}"]`) ?? null;

  const choose = (id: string): void => {
    setChosen(id);
    setMissing(false);
  };

  /** The chosen id, or the only one left; otherwise says a choice is missing (when there is any), focuses the first, and gives undefined. */
  const take = (): string | undefined => {
    const id = choosable.includes(chosen) ? chosen : choosable.length === 1 ? choosable[0] : undefined;
    // Nothing to choose at all: the list says so already, a "please choose" would only repeat it.
    if (id === undefined && choosable.length > 0) {
      setMissing(true);
      const first = choosable[0];
      if (first !== undefined) {
        radio(first)?.focus();
      }
    }
    return id;
  };

  /** From the filter, the arrow down goes into the list (to the chosen one, else the first that can be chosen). */
  const intoList = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'ArrowDown') {
      return;
    }
    const id = choosable.includes(chosen) ? chosen : choosable[0];
    if (id !== undefined) {
      event.preventDefault();
      choose(id);
      radio(id)?.focus();
    }
  };

  return { chosen, choose, missing, clearMissing: () => setMissing(false), list, name, take, intoList };
}

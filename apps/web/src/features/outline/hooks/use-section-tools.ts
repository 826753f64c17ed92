import { useCallback, useEffect, useState, type RefObject } from 'react';

/** The two forms in a section's tools. */
export type SectionForm = 'settings' | 'assignment';

export interface SectionTools {
  /** The section whose tools are open, if any. */
  editingId: string | null;
  /**
   * Opens a section's tools (closing those open), or closes them with null. While the open tools
   * hold unsaved changes it only asks: `asking` turns true until `discard` or `keep`.
   */
  request: (id: string | null) => void;
  /** Closes the tools without asking: their section is gone. */
  close: () => void;
  /** The open tools' forms that hold unsaved changes, in their order on screen. */
  unsaved: readonly SectionForm[];
  setUnsaved: (form: SectionForm, unsaved: boolean) => void;
  asking: boolean;
  /** Drops the unsaved changes and goes where the lead wanted to go. */
  discard: () => void;
  /** Stays in the open tools with their changes. */
  keep: () => void;
}

const FORMS: readonly SectionForm[] = ['settings', 'assignment'];

/**
 * Which section's tools are open, guarding unsaved changes: closing the tools (or opening
 * another section's, which closes them) would unmount the forms and lose what they hold
 * without a word, so it asks first. After a discard the focus goes to the edit toggle of the
 * section the lead chose, as if the question had not come between.
 */
export function useSectionTools(container: RefObject<HTMLElement | null>): SectionTools {
  const [editingId, setEditingId] = useState<string | null>(null);
  const [unsavedForms, setUnsavedForms] = useState<ReadonlySet<SectionForm>>(new Set());
  const [pending, setPending] = useState<{ to: string | null } | null>(null);
  const [focusToggleOf, setFocusToggleOf] = useState<string | null>(null);

  useEffect(() => {
    if (focusToggleOf === null) {
      return;
    }
    setFocusToggleOf(null);
    container.current
      ?.querySelector<HTMLElement>(`[data-focus="${CSS.escape(`${focusToggleOf}:edit`)}"]`)
      ?.focus();
  }, [focusToggleOf, container]);

  // Changes undone by hand while the question stands: nothing is left to ask about.
  useEffect(() => {
    if (unsavedForms.size === 0) {
      setPending(null);
    }
  }, [unsavedForms]);

  const setUnsaved = useCallback((form: SectionForm, unsaved: boolean) => {
    setUnsavedForms((previous) => {
      if (previous.has(form) === unsaved) {
        return previous;
      }
      const next = new Set(previous);
      if (unsaved) {
        next.add(form);
      } else {
        next.delete(form);
      }
      return next;
    });
  }, []);

  const request = (id: string | null): void => {
    if (unsavedForms.size > 0 && editingId !== null) {
      setPending({ to: id });
    } else {
      setEditingId(id);
    }
  };

  const discard = (): void => {
    if (pending === null) {
      return;
    }
    // The forms report "nothing unsaved" as they unmount.
    setFocusToggleOf(pending.to ?? editingId);
    setPending(null);
    setEditingId(pending.to);
  };

  return {
    editingId,
    request,
    close: () => {
      setPending(null);
      setEditingId(null);
    },
    unsaved: FORMS.filter((form) => unsavedForms.has(form)),
    setUnsaved,
    asking: pending !== null,
    discard,
    keep: () => {
      setPending(null);
    },
  };
}

import type { Editor } from '@tiptap/core';
import { isAllowedHref } from '@kapitel/editor';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../../i18n';
import { Button, TextField } from '../../../ui';
import { completeHref } from '../utils/complete-href';
import { EditorDialog } from './editor-dialog';

export interface LinkDialogProps {
  id: string;
  editor: Editor;
  /** Closes the dialog, after a change or without one; the focus then goes back to the text. */
  onClose: () => void;
}

/**
 * A small modal dialog (EditorDialog: focus kept inside, Escape closes) to set, change or
 * remove the link on the selected text. Only http, https and mailto addresses are taken
 * (the schema's rule); "www.kommune.de" becomes "https://www.kommune.de".
 */
export function LinkDialog({ id, editor, onClose }: LinkDialogProps) {
  const t = useT();
  const existing = editor.getAttributes('link') as { href?: unknown };
  const current = typeof existing.href === 'string' ? existing.href : '';
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const container = useRef<HTMLFormElement>(null);
  const field = (): HTMLInputElement | null => container.current?.querySelector('input') ?? null;

  useEffect(() => {
    // The dialog focused the field; an address already there is selected, to be replaced.
    field()?.select();
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const href = completeHref(value);
    if (!isAllowedHref(href)) {
      setError(t('editor.link.invalid'));
      field()?.focus();
      return;
    }
    // No focus() here: the text is inert while the dialog is open; closing it focuses the text.
    const chain = editor.chain().extendMarkRange('link');
    if (editor.state.selection.empty && current === '') {
      // Nothing selected: the address itself becomes the linked text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };

  const remove = (): void => {
    editor.chain().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <EditorDialog id={id} title={t('editor.link.title')} className="link-dialog" editor={editor} onDismiss={onClose}>
      <form ref={container} onSubmit={submit} noValidate>
        <TextField
          label={t('editor.link.href')}
          hint={t('editor.link.hint')}
          error={error}
          value={value}
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          onChange={(event) => {
            setValue(event.target.value);
          }}
        />
        <div className="form-actions">
          <Button type="submit" size="small">
            {t('editor.link.apply')}
          </Button>
          {current === '' ? null : (
            <Button variant="secondary" size="small" onClick={remove}>
              {t('editor.link.remove')}
            </Button>
          )}
          <Button
            variant="ghost"
            size="small"
            onClick={onClose}
          >
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </EditorDialog>
  );
}

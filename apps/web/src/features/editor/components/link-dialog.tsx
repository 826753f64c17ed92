import type { Editor } from '@tiptap/core';
import { isAllowedHref } from '@kapitel/editor';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n';
import { Button, TextField } from '../../../ui';
import { completeHref } from '../utils/complete-href';

export interface LinkDialogProps {
  id: string;
  editor: Editor;
  /** Closes the dialog; `applied` tells whether the text changed (focus then goes to the text). */
  onClose: (applied: boolean) => void;
}

/**
 * A small non-modal dialog below the toolbar to set, change or remove the link on the
 * selected text. Only http, https and mailto addresses are taken (the schema's rule);
 * "www.kommune.de" becomes "https://www.kommune.de". Escape closes it.
 */
export function LinkDialog({ id, editor, onClose }: LinkDialogProps) {
  const t = useT();
  const existing = editor.getAttributes('link') as { href?: unknown };
  const current = typeof existing.href === 'string' ? existing.href : '';
  const [value, setValue] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const field = (): HTMLInputElement | null => container.current?.querySelector('input') ?? null;

  useEffect(() => {
    field()?.focus();
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
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && current === '') {
      // Nothing selected: the address itself becomes the linked text.
      chain.insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose(true);
  };

  const remove = (): void => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose(true);
  };

  const escape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose(false);
    }
  };

  return (
    <div
      ref={container}
      id={id}
      className="link-dialog"
      role="dialog"
      aria-label={t('editor.link.title')}
      onKeyDown={escape}
    >
      <form onSubmit={submit} noValidate>
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
            onClick={() => {
              onClose(false);
            }}
          >
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </div>
  );
}

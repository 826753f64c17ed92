import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { useT } from '../../../i18n';
import { Button } from '../../../ui';

/** Puts the text on the clipboard, with its formatting where the browser takes HTML too. */
async function writeClipboard(text: string, html: string): Promise<void> {
  // Absent outside secure contexts (plain http on a LAN address).
  if (!('clipboard' in navigator)) {
    throw new Error('Clipboard API unavailable');
  }
  if (typeof ClipboardItem === 'undefined') {
    await navigator.clipboard.writeText(text);
    return;
  }
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/plain': new Blob([text], { type: 'text/plain' }),
      'text/html': new Blob([html], { type: 'text/html' }),
    }),
  ]);
}

/**
 * "Text kopieren" for a text holding edits the server could not store: the whole text as
 * this tab has it goes to the clipboard. Where the clipboard is out of reach, the text is
 * selected instead, for Ctrl+C. The outcome is said below the buttons (inside the editor's
 * live region of notices, so it is announced).
 */
export function CopyTextButton({ editor }: { editor: Editor }) {
  const t = useT();
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'selected'>('idle');

  const copy = async (): Promise<void> => {
    try {
      await writeClipboard(editor.getText({ blockSeparator: '\n\n' }), editor.getHTML());
      setOutcome('copied');
    } catch {
      const text = editor.view.dom;
      text.focus();
      window.getSelection()?.selectAllChildren(text);
      setOutcome('selected');
    }
  };

  return (
    <>
      <Button variant="secondary" size="small" onClick={() => void copy()}>
        {t('editor.copyText')}
      </Button>
      {outcome === 'idle' ? null : (
        <p className="section-editor__copied">{t(outcome === 'copied' ? 'editor.copied' : 'editor.copySelected')}</p>
      )}
    </>
  );
}

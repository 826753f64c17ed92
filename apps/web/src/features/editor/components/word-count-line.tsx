import { countWords } from '@kapitel/domain';
import { sectionTextOf } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { WordCount } from '../../outline';

/** Counting a long text on every keystroke would slow typing: counted once typing pauses. */
const PAUSE_MS = 400;

function wordsOf(editor: Editor): number {
  return countWords(sectionTextOf(editor.state.doc));
}

/**
 * The words of the text in the editor, live, against the section's length target when it
 * has one: counted by the same rule and from the same plain text as the server's word counts
 * (docs/outline.md, "Length"). Not a live region: it changes with every pause in typing.
 */
export function WordCountLine({ editor, target }: { editor: Editor; target: number | null }) {
  const [words, setWords] = useState(() => wordsOf(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        setWords(wordsOf(editor));
      }, PAUSE_MS);
    };
    setWords(wordsOf(editor));
    editor.on('update', recount);
    return () => {
      clearTimeout(timer);
      editor.off('update', recount);
    };
  }, [editor]);
  return (
    <p className="section-editor__count">
      <WordCount words={words} target={target} />
    </p>
  );
}

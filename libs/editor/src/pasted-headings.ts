import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { HEADING_LEVELS } from './heading-levels.js';

const HIGHEST = Math.min(...HEADING_LEVELS);
const LOWEST = Math.max(...HEADING_LEVELS);

/**
 * Pasted HTML's headings brought into the levels a section's text has: Word's "Überschrift 1"
 * arrives as `<h1>`, which the schema does not know (the section's title is the level above)
 * and would become a plain paragraph; it becomes the highest level instead, and levels below
 * the lowest become the lowest. A tag can only start where the HTML has a `<` (text has it as
 * `&lt;`), so renaming the tags by pattern touches no text.
 */
export function pastedHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s/>])/gi, (tag: string, slash: string, digit: string) => {
    const level = Number(digit);
    const mapped = level < HIGHEST ? HIGHEST : level > LOWEST ? LOWEST : level;
    return mapped === level ? tag : `<${slash}h${String(mapped)}`;
  });
}

/** Applies pastedHeadings() to what is pasted or dropped as HTML. */
export const PastedHeadings = Extension.create({
  name: 'pastedHeadings',

  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('pastedHeadings'), props: { transformPastedHTML: pastedHeadings } })];
  },
});

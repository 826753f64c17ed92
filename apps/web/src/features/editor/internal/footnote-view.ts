import { Footnote, footnoteText } from '@kapitel/editor';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { touchesNodes } from './touches-nodes';

/** A footnote of the document: where it stands, its number in the section and its text. */
export interface FootnoteAt {
  pos: number;
  number: number;
  text: string;
}

/** The section's footnotes in the order of the text, numbered from 1 (the PDF numbers through the report). */
export function footnotesIn(doc: ProseMirrorNode): FootnoteAt[] {
  const found: FootnoteAt[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'footnote') {
      found.push({ pos, number: found.length + 1, text: footnoteText(node.attrs.text) });
      return false;
    }
    return true;
  });
  return found;
}

const numbersKey = new PluginKey<DecorationSet>('footnoteNumbers');

/** Each footnote's number, handed to its node view through a node decoration's spec. */
function numbered(doc: ProseMirrorNode): DecorationSet {
  return DecorationSet.create(
    doc,
    footnotesIn(doc).map(({ pos, number }) => Decoration.node(pos, pos + 1, {}, { footnoteNumber: number })),
  );
}

function numberOf(decorations: readonly Decoration[]): number {
  for (const decoration of decorations) {
    const value = (decoration.spec as { footnoteNumber?: unknown }).footnoteNumber;
    if (typeof value === 'number') {
      return value;
    }
  }
  return 0;
}

/**
 * The numbering after `tr`: counted again only when a step touched a footnote, else the old
 * one moved along. Every keystroke passes here; counting walks the whole section.
 */
function renumbered(tr: Transaction, previous: DecorationSet): DecorationSet {
  if (!tr.docChanged) {
    return previous;
  }
  return touchesNodes(tr, 'footnote') ? numbered(tr.doc) : previous.map(tr.mapping, tr.doc);
}

/** A plugin keeping the footnotes' numbers (its state) and showing them (its decorations). */
export function footnoteNumbersPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numbersKey,
    state: {
      init: (_, state) => numbered(state.doc),
      apply: renumbered,
    },
    props: {
      decorations: (state) => numbersKey.getState(state),
    },
  });
}

/** The section's footnotes as the plugin numbers them: the same as footnotesIn, without walking the text. */
export function numberedFootnotes(state: EditorState): FootnoteAt[] {
  const numbers = numbersKey.getState(state);
  if (numbers === undefined) {
    return footnotesIn(state.doc);
  }
  return numbers.find().map((decoration) => ({
    pos: decoration.from,
    number: numberOf([decoration]),
    text: footnoteText(state.doc.nodeAt(decoration.from)?.attrs.text),
  }));
}

/**
 * The schema's footnote as the editor shows it: a superscript number (counted anew on every
 * change, so that it follows insertions anywhere) that a screen reader reads as "Fußnote 2".
 * The note itself is listed below the text (FootnoteList) and shown on hover. `spoken` is read
 * at every render, so a language switch reaches numbers already shown at their next change.
 */
export function editorFootnote(spoken: (number: number) => string) {
  return Footnote.extend({
    addProseMirrorPlugins() {
      return [footnoteNumbersPlugin()];
    },

    addNodeView() {
      return ({ node, decorations }) => {
        const dom = document.createElement('sup');
        dom.className = 'footnote-marker';
        dom.contentEditable = 'false';
        const shown = document.createElement('span');
        shown.setAttribute('aria-hidden', 'true');
        const heard = document.createElement('span');
        heard.className = 'visually-hidden';
        dom.append(shown, heard);
        const render = (current: ProseMirrorNode, shownWith: readonly Decoration[]): void => {
          const number = numberOf(shownWith);
          shown.textContent = String(number);
          heard.textContent = spoken(number);
          dom.title = footnoteText(current.attrs.text);
        };
        render(node, decorations);
        return {
          dom,
          update: (updated, updatedDecorations) => {
            if (updated.type.name !== 'footnote') {
              return false;
            }
            render(updated, updatedDecorations);
            return true;
          },
          // The marker's own content is ours to draw; a selection change is ProseMirror's to read.
          ignoreMutation: (mutation) => mutation.type !== 'selection',
        };
      };
    },
  });
}

/** The schema's extensions with the footnote shown as the editor shows it (see editorFootnote). */
export function withEditorFootnote<T extends { name: string }>(extensions: T[], spoken: (number: number) => string): T[] {
  return extensions.map((extension) => (extension.name === 'footnote' ? (editorFootnote(spoken) as unknown as T) : extension));
}

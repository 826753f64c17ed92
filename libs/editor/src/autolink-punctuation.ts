import { combineTransactionSteps, findChildrenInRange, getChangedRanges } from '@tiptap/core';
import type { MarkType, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { tokenize } from 'linkifyjs';
import { isAllowedHref } from './links.js';

/** Whether `tr` is the sync plugin drawing what arrived from the others. */
function isRemote(tr: Transaction): boolean {
  const meta: unknown = tr.getMeta(ySyncPluginKey);
  return (
    typeof meta === 'object' && meta !== null && 'isChangeOrigin' in meta && meta.isChangeOrigin === true
  );
}

// What may end a sentence or a clause right after an address, and closing quotes.
const TRAILING = /[.,;:!?\u201C\u201D\u2019\u00BB\u203A"']+$/;

/**
 * The address at the end of `word` before the punctuation that follows it ("https://x.de/a."
 * gives "https://x.de/a"), or null. A closing parenthesis goes too unless the address opened
 * it ("…/Foo_(Bar)" keeps it).
 */
export function addressBeforePunctuation(word: string): string | null {
  let address = word.replace(TRAILING, '');
  while (address.endsWith(')') && address.split('(').length < address.split(')').length) {
    address = address.slice(0, -1).replace(TRAILING, '');
  }
  return address === word || address === '' ? null : address;
}

/**
 * Tiptap's autolink marks an address only when it stands alone before the space or the
 * paragraph's end: a sentence ending in one ("… unter https://publiccode.eu.") or a list of
 * them ("a.de, b.de") stays plain text. This plugin marks the address in such a last word,
 * without the punctuation, on the same occasions (a space typed after it, Enter).
 */
export function autolinkBeforePunctuation(type: MarkType, defaultProtocol: string): Plugin {
  return new Plugin({
    key: new PluginKey('autolinkBeforePunctuation'),
    appendTransaction: (transactions, oldState, newState) => {
      const changed = transactions.some((tr) => tr.docChanged) && !oldState.doc.eq(newState.doc);
      // Text that arrives from the others is linked in their editor, not again in each one that receives it.
      if (!changed || transactions.some((tr) => tr.getMeta('preventAutolink') === true || isRemote(tr))) {
        return null;
      }
      const tr = newState.tr;
      const transform = combineTransactionSteps(oldState.doc, [...transactions]);
      for (const { newRange } of getChangedRanges(transform)) {
        const blocks = findChildrenInRange(newState.doc, newRange, (node) => node.isTextblock);
        const first = blocks[0];
        if (first === undefined) {
          continue;
        }
        const split = blocks.length > 1;
        // A change within one block counts once it ends with a space (the word is finished).
        if (!split && !/\s$/.test(newState.doc.textBetween(newRange.from, newRange.to, ' ', ' '))) {
          continue;
        }
        const end = split ? first.pos + first.node.nodeSize : newRange.to;
        markLastWord(
          tr,
          newState.doc,
          first.pos,
          newState.doc.textBetween(first.pos, end, undefined, ' '),
          type,
          defaultProtocol,
        );
      }
      return tr.steps.length > 0 ? tr : null;
    },
  });
}

function markLastWord(
  tr: Transaction,
  doc: ProseMirrorNode,
  blockPos: number,
  text: string,
  type: MarkType,
  defaultProtocol: string,
): void {
  const word = text.split(/\s/).filter(Boolean).at(-1);
  const address = word === undefined ? null : addressBeforePunctuation(word);
  if (word === undefined || address === null) {
    return;
  }
  const tokens = tokenize(address);
  const token = tokens[0];
  if (tokens.length !== 1 || token === undefined || !token.isLink) {
    return;
  }
  const { href } = token.toObject(defaultProtocol);
  // Text positions inside the block are one past its start (leaves count as one character).
  const from = blockPos + text.lastIndexOf(word) + 1;
  const to = from + address.length;
  if (!isAllowedHref(href) || doc.rangeHasMark(from, to, type)) {
    return;
  }
  tr.addMark(from, to, type.create({ href }));
}

import {
  storedCitationText,
  figureRefCaption,
  imageCaption,
  sectionRefTitle,
  tableCaption,
} from '@kapitel/editor';
import {
  blockNodes,
  footnotesIn,
  isBlank,
  type CellNode,
  type HeadingNode,
  type OrderedListNode,
  type PlainBlockNode,
} from '../../../lib/doc-nodes';
import { list, record } from '../../../lib/json-values';

export { footnotesIn as footnotesOf, isBlank };

/**
 * A mark the viewer shows. A link is shown as linked text but not followed from a preview,
 * so its address is never put into the page.
 */
export type ViewMark = { kind: 'bold' | 'italic' | 'strike' | 'underline' | 'superscript' | 'subscript' | 'link' };

/** A node of a version's text reduced to what the viewer renders, each with known, checked fields. */
export type ViewNode =
  | { kind: 'text'; text: string; marks: ViewMark[] }
  | { kind: 'break' }
  | PlainBlockNode<ViewNode>
  | HeadingNode<ViewNode>
  | OrderedListNode<ViewNode>
  | CellNode<ViewNode>
  /** A table with its caption ('' when none), shown as the table's <caption>. */
  | { kind: 'table'; caption: string; children: ViewNode[] }
  /** An image by its words only: alternative text and caption ('' when none). */
  | { kind: 'image'; alt: string; caption: string }
  /** A footnote's marker, numbered in the order of the text; `footnotesOf` lists the notes. */
  | { kind: 'footnote'; number: number; text: string };

const MARKS = ['bold', 'italic', 'strike', 'underline', 'superscript', 'subscript', 'link'] as const;

function marksOf(value: unknown): ViewMark[] {
  return list(value).flatMap((item): ViewMark[] => {
    const type = record(item).type;
    const kind = MARKS.find((known) => known === type);
    return kind === undefined ? [] : [{ kind }];
  });
}

/** What the conversion of one document counts as it goes. */
interface Walk {
  footnotes: number;
}

function childrenOf(node: Record<string, unknown>, depth: number, walk: Walk): ViewNode[] {
  return list(node.content).flatMap((child) => toNodes(child, depth + 1, walk));
}

function toNodes(value: unknown, depth: number, walk: Walk): ViewNode[] {
  // The server validates documents against the schema; a depth limit still keeps a broken
  // answer from overflowing the stack.
  if (depth > 64) {
    return [];
  }
  const node = record(value);
  const attrs = record(node.attrs);
  const type = node.type;
  if (type === 'text') {
    return typeof node.text === 'string' && node.text !== ''
      ? [{ kind: 'text', text: node.text, marks: marksOf(node.marks) }]
      : [];
  }
  if (type === 'hardBreak') {
    return [{ kind: 'break' }];
  }
  if (type === 'image') {
    // Never loaded: an address in a stored document may point anywhere (no other hosts).
    return [{ kind: 'image', alt: typeof attrs.alt === 'string' ? attrs.alt : '', caption: imageCaption(attrs.caption) }];
  }
  // References and citations as their plain text says them when the version was stored (the
  // target's title or caption, the source's label): the viewer follows nothing.
  if (type === 'citation') {
    return [{ kind: 'text', text: storedCitationText(attrs), marks: [] }];
  }
  if (type === 'sectionRef' || type === 'figureRef') {
    const words = type === 'sectionRef' ? sectionRefTitle(attrs.title) : figureRefCaption(attrs.caption);
    return [{ kind: 'text', text: `→ ${words}`, marks: [] }];
  }
  if (type === 'footnote') {
    const text = typeof attrs.text === 'string' ? attrs.text.trim() : '';
    if (text === '') {
      return [];
    }
    walk.footnotes += 1;
    return [{ kind: 'footnote', number: walk.footnotes, text }];
  }
  const children = childrenOf(node, depth, walk);
  if (type === 'table') {
    return [{ kind: 'table', caption: tableCaption(attrs.caption), children }];
  }
  return blockNodes(typeof type === 'string' ? type : '', attrs, children);
}

/**
 * A version's ProseMirror JSON as view nodes: only the schema's node and mark types, with
 * the few attributes used checked, so that the viewer renders plain React elements and
 * text (never HTML, no addresses of links or images).
 */
export function toViewNodes(json: unknown): ViewNode[] {
  return toNodes(json, 0, { footnotes: 0 });
}

import {
  storedCitationText,
  figureRefCaption,
  imageCaption,
  sectionRefTitle,
  tableCaption,
} from '@kapitel/editor';
import { count, list, record } from '../../../lib/json-values';

/**
 * A mark the viewer shows. A link is shown as linked text but not followed from a preview,
 * so its address is never put into the page.
 */
export type ViewMark = { kind: 'bold' | 'italic' | 'strike' | 'underline' | 'superscript' | 'subscript' | 'link' };

type Block = 'paragraph' | 'bulletList' | 'listItem' | 'blockquote' | 'tableRow';

/** A node of a version's text reduced to what the viewer renders, each with known, checked fields. */
export type ViewNode =
  | { kind: 'text'; text: string; marks: ViewMark[] }
  | { kind: 'break' }
  | { kind: Block; children: ViewNode[] }
  | { kind: 'heading'; level: 2 | 3 | 4; children: ViewNode[] }
  | { kind: 'orderedList'; start: number; children: ViewNode[] }
  /** A table with its caption ('' when none), shown as the table's <caption>. */
  | { kind: 'table'; caption: string; children: ViewNode[] }
  | { kind: 'cell'; header: boolean; colspan: number; rowspan: number; children: ViewNode[] }
  /** An image by its words only: alternative text and caption ('' when none). */
  | { kind: 'image'; alt: string; caption: string }
  /** A footnote's marker, numbered in the order of the text; `footnotesOf` lists the notes. */
  | { kind: 'footnote'; number: number; text: string };

const BLOCKS: Record<string, Block> = {
  paragraph: 'paragraph',
  bulletList: 'bulletList',
  listItem: 'listItem',
  blockquote: 'blockquote',
  tableRow: 'tableRow',
};
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
  if (type === 'heading') {
    const level = attrs.level === 3 || attrs.level === 4 ? attrs.level : 2;
    return [{ kind: 'heading', level, children }];
  }
  if (type === 'orderedList') {
    return [{ kind: 'orderedList', start: count(attrs.start, 1, 1_000_000), children }];
  }
  if (type === 'table') {
    return [{ kind: 'table', caption: tableCaption(attrs.caption), children }];
  }
  if (type === 'tableCell' || type === 'tableHeader') {
    return [
      {
        kind: 'cell',
        header: type === 'tableHeader',
        colspan: count(attrs.colspan, 1, 1000),
        rowspan: count(attrs.rowspan, 1, 1000),
        children,
      },
    ];
  }
  const block = typeof type === 'string' ? BLOCKS[type] : undefined;
  // `doc` and any type the viewer does not know: keep their content, so no text goes missing.
  return block === undefined ? children : [{ kind: block, children }];
}

/**
 * A version's ProseMirror JSON as view nodes: only the schema's node and mark types, with
 * the few attributes used checked, so that the viewer renders plain React elements and
 * text (never HTML, no addresses of links or images).
 */
export function toViewNodes(json: unknown): ViewNode[] {
  return toNodes(json, 0, { footnotes: 0 });
}

/** The footnotes among `nodes`, in the order of their numbers. */
export function footnotesOf(nodes: readonly ViewNode[]): Array<{ number: number; text: string }> {
  return nodes.flatMap((node) =>
    node.kind === 'footnote'
      ? [{ number: node.number, text: node.text }]
      : 'children' in node
        ? footnotesOf(node.children)
        : [],
  );
}

/** True when the nodes hold neither text nor an image (an empty section). */
export function isBlank(nodes: readonly ViewNode[]): boolean {
  return nodes.every((node) =>
    node.kind === 'text'
      ? node.text.trim() === ''
      : node.kind === 'image' || node.kind === 'footnote'
        ? false
        : 'children' in node
          ? isBlank(node.children)
          : true,
  );
}

import { mergeAttributes, Node } from '@tiptap/core';
import { oneLine } from './one-line.js';

/** Where in a source a citation points ("S. 12–14", "Kap. 3"), counted in characters. */
export const CITATION_LOCATOR_MAX_LENGTH = 60;
/** What stands before the source in the brackets ("vgl.", "siehe"), counted in characters. */
export const CITATION_PREFIX_MAX_LENGTH = 30;
/** A remembered label: a short title (40 characters), "u. a." and a year fit with room to spare. */
export const CITATION_LABEL_MAX_LENGTH = 120;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a citation stores (docs/sources.md). */
export interface CitationAttrs {
  /** A source of the project's list ('' when the stored value was no id). */
  sourceId: string;
  /** The source's label when the citation was set or last shown ("KGSt 2023"). */
  label: string;
  /** Where in the source ("S. 12"), or ''. */
  locator: string;
  /** What stands before the source in the brackets ("vgl."), or ''. */
  prefix: string;
}

/** A citation's source id as stored: a UUID in lower case, or '' for none. */
export function citationSourceId(raw: unknown): string {
  return typeof raw === 'string' && UUID.test(raw.trim()) ? raw.trim().toLowerCase() : '';
}

export function citationLabel(raw: unknown): string {
  return oneLine(raw, CITATION_LABEL_MAX_LENGTH);
}

export function citationLocator(raw: unknown): string {
  return oneLine(raw, CITATION_LOCATOR_MAX_LENGTH);
}

export function citationPrefix(raw: unknown): string {
  return oneLine(raw, CITATION_PREFIX_MAX_LENGTH);
}

/** A citation as the running text shows it: "(KGSt 2023, S. 12)", "(vgl. KGSt 2023)". */
export function citationText(label: string, locator: string, prefix = ''): string {
  const where = locator.trim();
  const before = prefix.trim();
  return `(${before === '' ? '' : `${before} `}${label}${where === '' ? '' : `, ${where}`})`;
}

/**
 * A citation as it is shown and printed: as `citationText`, with a no-break space after an
 * abbreviation or a section sign that stands before a number ("S. 12", "Kap. 3", "§ 3"), so that a line never ends
 * between them. The plain text (search) keeps the plain space.
 */
export function citationShown(label: string, locator: string, prefix = ''): string {
  return citationText(label, locator.replace(/(\p{L}\.|§+) (?=\d)/gu, '$1\u00A0'), prefix);
}

/**
 * The sources a stored document cites: the `sourceId` of every citation, wherever it stands
 * (paragraphs, tables, lists). Depth-first with a stack of its own, so that a hostile
 * document's nesting cannot overflow the call stack.
 */
export function citedSourceIds(json: unknown): Set<string> {
  const ids = new Set<string>();
  const stack: unknown[] = [json];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (typeof node !== 'object' || node === null) {
      continue;
    }
    const { type, attrs, content } = node as { type?: unknown; attrs?: { sourceId?: unknown } | null; content?: unknown };
    const id = type === 'citation' ? citationSourceId(attrs?.sourceId) : '';
    if (id !== '') {
      ids.add(id);
    }
    if (Array.isArray(content)) {
      // One at a time: spreading a huge array into push() would overflow the arguments.
      for (const child of content as unknown[]) {
        stack.push(child);
      }
    }
  }
  return ids;
}

/**
 * Whether a citation set right after `before` (the character before the caret, '' at the
 * start of a paragraph) needs a space first: after a word, a number, closing punctuation or a
 * dash ("sinnvoll (vgl. KGSt 2023)", "Wort – (KGSt)"), not after a space, a hyphen or an
 * opening bracket or quote.
 */
export function spaceBeforeCitation(before: string): boolean {
  // “ and ‘ close a German quotation (the default language), so they take a space too.
  return before !== '' && !/[\s([{„‚"'/-]/u.test(before);
}

/** A stored citation's words with the label it remembers: its plain text. */
export function storedCitationText(attrs: Record<string, unknown>): string {
  return citationText(citationLabel(attrs.label), citationLocator(attrs.locator), citationPrefix(attrs.prefix));
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a citation at the selection (replacing a selected one). */
      setCitation: (attrs: CitationAttrs) => ReturnType;
    };
  }
}

/** The part of a DOM element the parse rules read (libs/editor is checked without DOM types). */
interface ElementLike {
  getAttribute(name: string): string | null;
}

/**
 * A citation of a source from the project's list: an atom in the running text. The label it
 * shows comes from the list when shown (author–year, docs/sources.md), so that it follows a
 * corrected year or a new "a"/"b"; the stored one serves the plain text and a deleted source.
 */
export const Citation = Node.create({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      sourceId: {
        default: '',
        parseHTML: (element: ElementLike) => citationSourceId(element.getAttribute('data-citation')),
        renderHTML: () => ({}),
      },
      label: {
        default: '',
        parseHTML: (element: ElementLike) => citationLabel(element.getAttribute('data-label')),
        renderHTML: () => ({}),
      },
      locator: {
        default: '',
        parseHTML: (element: ElementLike) => citationLocator(element.getAttribute('data-locator')),
        renderHTML: () => ({}),
      },
      prefix: {
        default: '',
        parseHTML: (element: ElementLike) => citationPrefix(element.getAttribute('data-prefix')),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-citation]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        class: 'citation',
        'data-citation': citationSourceId(node.attrs.sourceId),
        'data-label': citationLabel(node.attrs.label),
        'data-locator': citationLocator(node.attrs.locator),
        'data-prefix': citationPrefix(node.attrs.prefix),
      }),
      storedCitationText(node.attrs),
    ];
  },

  // The plain text says the citation, so that search finds "KGSt 2023".
  extendNodeSchema(extension) {
    return extension.name === 'citation'
      ? {
          leafText: (node: { attrs: Record<string, unknown> }) => storedCitationText(node.attrs),
        }
      : {};
  },

  // The same words in text copied from the editor (Tiptap's clipboard text, its getText()).
  renderText({ node }) {
    return storedCitationText(node.attrs);
  },

  addCommands() {
    return {
      setCitation:
        (attrs) =>
        ({ state, commands }) => {
          const citation = {
            type: this.name,
            attrs: {
              sourceId: citationSourceId(attrs.sourceId),
              label: citationLabel(attrs.label),
              locator: citationLocator(attrs.locator),
              prefix: citationPrefix(attrs.prefix),
            },
          };
          // A new citation typed right after a word gets its space; one that replaces a
          // selected citation (or a selection) keeps the spacing that was there.
          const { from, empty, $from } = state.selection;
          const before = empty ? state.doc.textBetween(Math.max(from - 1, $from.start()), from, '\n', '\ufffc') : '';
          return commands.insertContent(spaceBeforeCitation(before) ? [{ type: 'text', text: ' ' }, citation] : citation);
        },
    };
  },
});

import { mergeAttributes, Node } from '@tiptap/core';
import { oneLine } from './one-line.js';

/** A title as long as the outline allows (LIMITS.sectionTitleMaxLength in libs/domain). */
export const SECTION_REF_TITLE_MAX_LENGTH = 300;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a cross-reference stores: the id of the section it points to, and that section's title when it was set. */
export interface SectionRefAttrs {
  /** A section of the same project ('' when the stored value was no section id). */
  sectionId: string;
  /** The target's title as it was when the reference was set or last followed: the words shown when the target is gone. */
  title: string;
}

/** A cross-reference's target id as stored: a UUID in lower case, or '' for none. */
export function sectionRefId(raw: unknown): string {
  return typeof raw === 'string' && UUID.test(raw.trim()) ? raw.trim().toLowerCase() : '';
}

/** A cross-reference's remembered title as stored: one line of plain text within the limit. */
export function sectionRefTitle(raw: unknown): string {
  return oneLine(raw, SECTION_REF_TITLE_MAX_LENGTH);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    sectionRef: {
      /** Inserts a cross-reference at the selection (replacing a selected one). */
      setSectionRef: (attrs: SectionRefAttrs) => ReturnType;
    };
  }
}

/** The part of a DOM element the parse rules read (libs/editor is checked without DOM types). */
interface ElementLike {
  getAttribute(name: string): string | null;
  textContent: string | null;
}

/**
 * A cross-reference to another section of the report ("siehe Kapitel 3", "Abschnitt 2.1"):
 * an atom in the running text that names its target by id. The words it shows are not
 * stored: the editor and the PDF say the target's number at the time they show it, so a
 * reference follows the section when the outline is reordered. The title is kept beside
 * the id for the plain text (search finds it) and for a target that was deleted meanwhile.
 */
export const SectionRef = Node.create({
  name: 'sectionRef',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      sectionId: {
        default: '',
        parseHTML: (element: ElementLike) => sectionRefId(element.getAttribute('data-section-ref')),
        renderHTML: () => ({}),
      },
      title: {
        default: '',
        parseHTML: (element: ElementLike) => sectionRefTitle(element.getAttribute('data-title') ?? element.textContent),
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-section-ref]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const title = sectionRefTitle(node.attrs.title);
    return [
      'span',
      mergeAttributes(HTMLAttributes, {
        class: 'section-ref',
        'data-section-ref': sectionRefId(node.attrs.sectionId),
        'data-title': title,
      }),
      `→ ${title}`,
    ];
  },

  // The plain text names the target, so that search finds the reference by its title.
  extendNodeSchema(extension) {
    return extension.name === 'sectionRef'
      ? { leafText: (node: { attrs: Record<string, unknown> }) => `→ ${sectionRefTitle(node.attrs.title)}` }
      : {};
  },

  // The same words in text copied from the editor (Tiptap's clipboard text, its getText()).
  renderText({ node }) {
    return `→ ${sectionRefTitle(node.attrs.title)}`;
  },

  addCommands() {
    return {
      setSectionRef:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { sectionId: sectionRefId(attrs.sectionId), title: sectionRefTitle(attrs.title) },
          }),
    };
  },
});

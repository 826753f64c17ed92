import { getSchema, type AnyExtension } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { autolinkBeforePunctuation } from './autolink-punctuation.js';
import { Citation } from './citation.js';
import { FigureRef } from './figure-ref.js';
import { Footnote } from './footnote.js';
import { HEADING_LEVELS } from './heading-levels.js';
import { CaptionedImage } from './image-caption.js';
import { ALLOWED_LINK_PROTOCOLS, isAllowedHref } from './links.js';
import { PastedHeadings } from './pasted-headings.js';
import { Subscript, Superscript } from './script-marks.js';
import { SectionRef } from './section-ref.js';
import { CaptionedTable } from './table-caption.js';

export { HEADING_LEVELS } from './heading-levels.js';

/**
 * The one document schema: the web editor, server-side validation, HTML rendering and
 * the PDF export all build on this list, so a document valid in one is valid in all.
 * Undo/redo is left out on purpose: with collaboration, Yjs' own undo manager (which
 * undoes only the local user's edits) replaces ProseMirror's history.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      // Two writers opening a document that ends in a list would each add a trailing paragraph;
      // the web editor keeps one after a table its own way (apps/web: internal/tables.ts).
      trailingNode: false,
      heading: { levels: [...HEADING_LEVELS] },
      // Tiptap's own, below, with one change.
      link: false,
    }),
    // Text typed right after a link is not part of it (the full stop after "openCode"). Tiptap
    // makes a link inclusive whenever autolink is on; autolink needs no such thing, it marks
    // an address once a space or punctuation ends it.
    // And an address before punctuation is marked too (autolink-punctuation.ts).
    Link.extend({
      inclusive: () => false,
      addProseMirrorPlugins() {
        return [...(this.parent?.() ?? []), autolinkBeforePunctuation(this.type, 'https')];
      },
    }).configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: 'https',
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
    }),
    // Tiptap's Table with an optional caption (table-caption.ts), in place of the kit's own.
    CaptionedTable.configure({ resizable: false }),
    TableKit.configure({ table: false }),
    // Tiptap's Image with an optional caption (image-caption.ts).
    CaptionedImage.configure({ inline: false, allowBase64: false }),
    Footnote,
    // Cross-references to other sections of the report (section-ref.ts).
    SectionRef,
    // Cross-references to numbered figures and tables (figure-ref.ts).
    FigureRef,
    // Citations of the project's sources (citation.ts).
    Citation,
    Superscript,
    Subscript,
    // Word's "Überschrift 1" (<h1>) becomes a heading of the text's highest level, not a paragraph.
    PastedHeadings,
  ];
}

/** The ProseMirror schema of a section's document. */
export function editorSchema(): Schema {
  return getSchema(editorExtensions());
}

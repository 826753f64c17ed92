import { SectionRef, sectionRefId, sectionRefTitle, type SectionRefAttrs } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { NodeSelection, Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { type Decoration, type DecorationSet } from '@tiptap/pm/view';
import { createTranslator, type Translate } from '../../../i18n/translate';
import { crossRefFace, type SectionTarget } from '../utils/cross-refs';
import { decoratedValue, decorateNodes } from './node-context';
import { refChipView } from './ref-chip';
import { touchesNodes } from './touches-nodes';

/** What the cross-references in the text need to know from outside the document. */
export interface SectionRefContext {
  /** The report's sections by id, from the live outline; null while it has not arrived. */
  targets: ReadonlyMap<string, SectionTarget> | null;
  /** Whether the text is being edited: then a click selects a reference and Ctrl+click follows it. */
  editable: boolean;
  /** The words in the text, in the report's language (the PDF's). */
  report: Translate;
  /** What is said to the user (screen readers, tooltips), in the interface's language. */
  ui: Translate;
  /** The modifier key's name for following while editing ("Strg", on a Mac "⌘"). */
  followKey: string;
  /** The address of a section's page. */
  href: (sectionId: string) => string;
  /** Goes to a section's page (in the app, without loading the page anew). */
  follow: (sectionId: string) => void;
}

const german = createTranslator('de');

/** Until the page gives the editor its context: the outline unknown, nothing to follow. */
export const NO_SECTION_REF_CONTEXT: SectionRefContext = {
  targets: null,
  editable: false,
  report: german,
  ui: german,
  followKey: '',
  href: () => '',
  follow: () => undefined,
};

interface RefsState {
  context: SectionRefContext;
  decorations: DecorationSet;
}

const refsKey = new PluginKey<RefsState>('sectionRefs');

/** Every cross-reference gets the context through a node decoration's spec (node-context.ts), so its view redraws when it changes. */
const CONTEXT_KEY = 'sectionRefContext';
const withContext = (doc: ProseMirrorNode, context: SectionRefContext): DecorationSet =>
  decorateNodes(doc, 'sectionRef', CONTEXT_KEY, context);
const contextOf = (decorations: readonly Decoration[]): SectionRefContext | null =>
  decoratedValue<SectionRefContext>(decorations, CONTEXT_KEY);

function applied(tr: Transaction, previous: RefsState): RefsState {
  const given = tr.getMeta(refsKey) as SectionRefContext | undefined;
  if (given !== undefined) {
    return { context: given, decorations: withContext(tr.doc, given) };
  }
  if (!tr.docChanged) {
    return previous;
  }
  // Looked for again only when a reference came or went; typing elsewhere moves the old ones along.
  const decorations = touchesNodes(tr, 'sectionRef')
    ? withContext(tr.doc, previous.context)
    : previous.decorations.map(tr.mapping, tr.doc);
  return { context: previous.context, decorations };
}

/** A plugin holding the references' context (its state) and handing it to their views (its decorations). */
export function sectionRefsPlugin(): Plugin<RefsState> {
  return new Plugin<RefsState>({
    key: refsKey,
    state: {
      init: (_, state) => ({ context: NO_SECTION_REF_CONTEXT, decorations: withContext(state.doc, NO_SECTION_REF_CONTEXT) }),
      apply: applied,
    },
    props: {
      decorations: (state) => refsKey.getState(state)?.decorations,
    },
  });
}

/** The context the references of `state` are shown with. */
export function sectionRefContext(state: EditorState): SectionRefContext {
  return refsKey.getState(state)?.context ?? NO_SECTION_REF_CONTEXT;
}

/** The context as a transaction: the live outline, editability or language changed. Every reference redraws. */
export function withSectionRefContext(tr: Transaction, context: SectionRefContext): Transaction {
  return tr.setMeta(refsKey, context).setMeta('addToHistory', false);
}

/** Gives the editor's references a new context. */
export function setSectionRefContext(editor: Editor, context: SectionRefContext): void {
  if (!editor.isDestroyed) {
    editor.view.dispatch(withSectionRefContext(editor.state.tr, context));
  }
}

/** The cross-reference the selection holds (a click on one selects it), if any. */
export function selectedSectionRef(editor: Editor): SectionRefAttrs | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'sectionRef') {
    return null;
  }
  return { sectionId: sectionRefId(selection.node.attrs.sectionId), title: sectionRefTitle(selection.node.attrs.title) };
}

/**
 * The schema's cross-reference as the editor shows it: a chip with the target's label in the
 * live outline ("Kapitel 3", "Abschnitt 3.2", „Anhang“), the words the PDF prints, or a warning
 * when the target is gone. Read, it is a link to the target's page; edited, a click selects
 * it (to change or delete it) and Ctrl+click (Cmd+click) follows it.
 */
export function editorSectionRef() {
  return SectionRef.extend({
    addProseMirrorPlugins() {
      return [sectionRefsPlugin()];
    },

    addNodeView() {
      return refChipView<SectionRefContext>({
        typeName: 'sectionRef',
        viewOf: contextOf,
        fallback: NO_SECTION_REF_CONTEXT,
        editable: (context) => context.editable,
        follower: (context, node) => {
          const id = sectionRefId(node.attrs.sectionId);
          return context.targets?.has(id) === true ? () => context.follow(id) : null;
        },
        look: (context, node) => {
          const id = sectionRefId(node.attrs.sectionId);
          const target = context.targets === null ? null : context.targets.get(id);
          const face = crossRefFace(target, sectionRefTitle(node.attrs.title), context.report, context.ui);
          const following = context.editable && face.state === 'found' && context.followKey !== '';
          return {
            ...face,
            className: '',
            title: following ? context.ui('crossRefs.tooltipFollow', { target: face.tooltip, keys: context.followKey }) : face.tooltip,
            href: context.href(id),
          };
        },
      });
    },
  });
}

/** The schema's extensions with the cross-reference shown as the editor shows it (see editorSectionRef). */
export function withEditorSectionRef<T extends { name: string }>(extensions: T[]): T[] {
  return extensions.map((extension) => (extension.name === 'sectionRef' ? (editorSectionRef() as unknown as T) : extension));
}

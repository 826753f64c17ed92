import { Citation, citationLabel, citationLocator, citationPrefix, citationShown, citationSourceId, type CitationAttrs } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { createTranslator, type Translate } from '../../../i18n/translate';
import { nodeContextPlugin } from './node-context';
import { refChipView } from './ref-chip';

/** What the citations in the text need from outside the document. */
export interface CitationContext {
  /** The current label of each source of the project ("KGSt 2023a"); null while the list loads. */
  labels: ReadonlyMap<string, string> | null;
  /** What is said to the user (screen readers, tooltips), in the interface's language. */
  ui: Translate;
}

export const NO_CITATION_CONTEXT: CitationContext = { labels: null, ui: createTranslator('de') };

const context = nodeContextPlugin<CitationContext>('citation', NO_CITATION_CONTEXT);

/** Gives the editor's citations the project's labels (and the interface's language). */
export const setCitationContext = context.set;

/**
 * Stores the current label in every citation whose source's label changed since it was set
 * (a corrected year, a new "a"/"b"), so that the plain text (search), versions and comparisons
 * say what the editor shows. Not an edit of the writer's: it stays out of the undo history.
 * Called only for a text the user may edit (the page knows before the editor is told); two
 * editors doing it at once write the same value.
 */
export function refreshCitationLabels(editor: Editor, labels: ReadonlyMap<string, string>): void {
  if (editor.isDestroyed) {
    return;
  }
  const { tr } = editor.state;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'citation') {
      const current = labels.get(citationSourceId(node.attrs.sourceId));
      if (current !== undefined && current !== citationLabel(node.attrs.label)) {
        tr.setNodeAttribute(pos, 'label', current);
      }
    }
  });
  if (tr.docChanged) {
    editor.view.dispatch(tr.setMeta('addToHistory', false));
  }
}

/** The citation the selection holds (a click on one selects it), if any. */
export function selectedCitation(editor: Editor): CitationAttrs | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'citation') {
    return null;
  }
  const { attrs } = selection.node;
  return {
    sourceId: citationSourceId(attrs.sourceId),
    label: citationLabel(attrs.label),
    locator: citationLocator(attrs.locator),
    prefix: citationPrefix(attrs.prefix),
  };
}

/**
 * The schema's citation as the editor shows it: "(KGSt 2023a, S. 12)" with the label the
 * list of sources gives now (a corrected year shows at once), or the remembered label with a
 * warning when the source is no longer in the list. A click selects it, to change or delete it.
 */
export function editorCitation() {
  return Citation.extend({
    addProseMirrorPlugins() {
      return [context.plugin];
    },

    addNodeView() {
      return refChipView<CitationContext>({
        typeName: 'citation',
        viewOf: context.viewOf,
        fallback: NO_CITATION_CONTEXT,
        editable: () => true,
        follower: () => null,
        look: (view, node) => {
          const stored = citationLabel(node.attrs.label);
          const locator = citationLocator(node.attrs.locator);
          const current = view.labels?.get(citationSourceId(node.attrs.sourceId));
          const state = view.labels === null ? 'unknown' : current === undefined ? 'missing' : 'found';
          const shown = citationShown(current ?? stored, locator, citationPrefix(node.attrs.prefix));
          return {
            state,
            shown,
            spoken:
              state === 'missing'
                ? view.ui('citations.missingSpoken', { label: shown })
                : view.ui('citations.spoken', { citation: shown }),
            title: state === 'missing' ? view.ui('citations.missing', { label: stored }) : '',
            className: 'citation-chip',
            href: null,
          };
        },
      });
    },
  });
}

/** The schema's extensions with the citation shown as the editor shows it (see editorCitation). */
export function withEditorCitation<T extends { name: string }>(extensions: T[]): T[] {
  return extensions.map((extension) => (extension.name === 'citation' ? (editorCitation() as unknown as T) : extension));
}

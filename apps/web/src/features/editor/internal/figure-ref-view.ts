import { FigureRef, figureId, figureRefCaption, figureRefKind, type FigureRefAttrs } from '@kapitel/editor';
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { NodeSelection, Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { type Decoration, type DecorationSet } from '@tiptap/pm/view';
import { figureRefFace, figureTargetsById, reportFigureTargets, type FigureTarget } from '../utils/figure-refs';
import { mayChangeFigures } from './figure-ids';
import { givenFigureContext, localFigures, NO_FIGURE_CONTEXT, type FigureContext } from './figure-context';
import { decoratedValue, decorateNodes } from './node-context';
import { refChipView } from './ref-chip';
import { touchesNodes } from './touches-nodes';

/** What a reference's view is drawn with: the context, and the report's figures by id (null while unknown). */
export interface FigureRefView {
  context: FigureContext;
  targets: ReadonlyMap<string, FigureTarget> | null;
}

interface RefsState extends FigureRefView {
  /** The live text's numbered figures as last seen (ids, kinds, captions): the targets change only with them. */
  seen: string;
  decorations: DecorationSet;
}

const refsKey = new PluginKey<RefsState>('figureRefs');

/** Every reference gets the view's data through a node decoration's spec (node-context.ts), so it redraws when that changes. */
const VIEW_KEY = 'figureRefView';
const decorated = (doc: ProseMirrorNode, view: FigureRefView): DecorationSet => decorateNodes(doc, 'figureRef', VIEW_KEY, view);
const viewOf = (decorations: readonly Decoration[]): FigureRefView | null => decoratedValue<FigureRefView>(decorations, VIEW_KEY);

/** The report's figures with this text's own as they are now, by id; null while the report's are unknown. */
export function liveFigureTargets(doc: ProseMirrorNode, context: FigureContext): FigureTarget[] | null {
  return context.report === null ? null : reportFigureTargets(context.report, localFigures(doc));
}

function computed(doc: ProseMirrorNode, context: FigureContext): RefsState {
  const local = localFigures(doc);
  const targets = context.report === null ? null : reportFigureTargets(context.report, local);
  const view = { context, targets: targets === null ? null : figureTargetsById(targets) };
  return { ...view, seen: JSON.stringify(local.map(({ figureId: id, kind, caption }) => [id, kind, caption])), decorations: decorated(doc, view) };
}

function applied(tr: Transaction, previous: RefsState): RefsState {
  const given = givenFigureContext(tr);
  if (given !== undefined) {
    return computed(tr.doc, given);
  }
  if (!tr.docChanged) {
    return previous;
  }
  if (mayChangeFigures(tr)) {
    const next = computed(tr.doc, previous.context);
    if (next.seen !== previous.seen) {
      return next;
    }
  }
  // The figures are as they were: the references keep their data, looked for again only when one came or went.
  const decorations = touchesNodes(tr, 'figureRef')
    ? decorated(tr.doc, previous)
    : previous.decorations.map(tr.mapping, tr.doc);
  return { ...previous, decorations };
}

/** A plugin holding the references' context and targets (its state) and handing them to their views (its decorations). */
export function figureRefsPlugin(): Plugin<RefsState> {
  return new Plugin<RefsState>({
    key: refsKey,
    state: {
      init: (_, state) => computed(state.doc, NO_FIGURE_CONTEXT),
      apply: applied,
    },
    props: {
      decorations: (state) => refsKey.getState(state)?.decorations,
    },
  });
}

/** The context and targets the references of `state` are shown with. */
export function figureRefView(state: EditorState): FigureRefView {
  return refsKey.getState(state) ?? { context: NO_FIGURE_CONTEXT, targets: null };
}

/** The reference to a figure the selection holds (a click on one selects it), if any. */
export function selectedFigureRef(editor: Editor): FigureRefAttrs | null {
  const { selection } = editor.state;
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'figureRef') {
    return null;
  }
  const { attrs } = selection.node;
  return { figureId: figureId(attrs.figureId), kind: figureRefKind(attrs.kind), caption: figureRefCaption(attrs.caption) };
}

/** Where the figure with `id` stands in `doc`, or null. */
export function figurePosition(doc: ProseMirrorNode, id: string): number | null {
  const found = localFigures(doc).find((figure) => figure.figureId === id);
  return found === undefined ? null : found.pos;
}

function targetOf(view: FigureRefView, node: ProseMirrorNode): FigureTarget | null | undefined {
  return view.targets === null ? null : view.targets.get(figureId(node.attrs.figureId));
}

function isFound(target: FigureTarget | null | undefined): target is FigureTarget {
  return target !== null && target !== undefined;
}

/**
 * The schema's reference to a figure as the editor shows it: a chip with the figure's number
 * as the PDF prints it ("Abbildung 3", "Tabelle 2"), counted from the report's figures and the
 * live text, its caption as tooltip, or a warning when the figure is gone. Read, it is a link
 * to the figure (its section's page, or the figure in this text); edited, a click selects it
 * and Ctrl+click (Cmd+click) follows it. Drawn as section references are (section-ref-view.ts).
 */
export function editorFigureRef() {
  return FigureRef.extend({
    addProseMirrorPlugins() {
      return [figureRefsPlugin()];
    },

    addNodeView() {
      return refChipView<FigureRefView>({
        typeName: 'figureRef',
        viewOf,
        fallback: { context: NO_FIGURE_CONTEXT, targets: null },
        editable: (view) => view.context.editable,
        follower: (view, node) => {
          const target = targetOf(view, node);
          return isFound(target) ? () => view.context.follow(target) : null;
        },
        look: (view, node) => {
          const { context } = view;
          const target = targetOf(view, node);
          const stored = { kind: figureRefKind(node.attrs.kind), caption: figureRefCaption(node.attrs.caption) };
          const face = figureRefFace(target, stored, context.words, context.ui);
          const following = context.editable && face.state === 'found' && context.followKey !== '';
          return {
            ...face,
            className: 'figure-ref',
            title: following ? context.ui('figureRefs.tooltipFollow', { target: face.tooltip, keys: context.followKey }) : face.tooltip,
            href: isFound(target) ? `${context.href(target.sectionId)}#figure-${target.figureId}` : null,
          };
        },
      });
    },
  });
}

/** The schema's extensions with the reference to a figure shown as the editor shows it (see editorFigureRef). */
export function withEditorFigureRef<T extends { name: string }>(extensions: T[]): T[] {
  return extensions.map((extension) => (extension.name === 'figureRef' ? (editorFigureRef() as unknown as T) : extension));
}

/** Scrolls the figure with `id` in the text into view; false when it is not in the text. */
export function showFigure(editor: Editor, id: string): boolean {
  const pos = editor.isDestroyed ? null : figurePosition(editor.state.doc, id);
  const dom = pos === null ? null : editor.view.nodeDOM(pos);
  if (!(dom instanceof HTMLElement)) {
    return false;
  }
  dom.scrollIntoView({ block: 'center' });
  return true;
}

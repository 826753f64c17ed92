import { describe, expect, it } from '@jest/globals';
import { editorSchema } from '@kapitel/editor';
import { EditorState } from '@tiptap/pm/state';
import type { DecorationSet } from '@tiptap/pm/view';
import { NO_SECTION_REF_CONTEXT, sectionRefContext, sectionRefsPlugin, withSectionRefContext, type SectionRefContext } from './section-ref-view';

const schema = editorSchema();
const TARGET = '0b7a4c1e-5d2f-4e8a-9c3b-6f1d2e3a4b5c';
const reference = () => schema.node('sectionRef', { sectionId: TARGET, title: 'Kosten' });

/** "Siehe →Kosten und →Kosten." with the plugin. */
function twoReferences(): EditorState {
  const paragraph = schema.node('paragraph', null, [schema.text('Siehe '), reference(), schema.text(' und '), reference(), schema.text('.')]);
  return EditorState.create({ doc: schema.node('doc', null, [paragraph]), plugins: [sectionRefsPlugin()] });
}

/** Where the references stand and the context each one's view is drawn with. */
function drawn(state: EditorState): [number, SectionRefContext | undefined][] {
  const plugin = state.plugins[0];
  const decorations = plugin?.props.decorations?.call(plugin, state) as DecorationSet;
  return decorations
    .find()
    .map((decoration) => [decoration.from, (decoration.spec as { sectionRefContext?: SectionRefContext }).sectionRefContext]);
}

const outline: SectionRefContext = {
  ...NO_SECTION_REF_CONTEXT,
  targets: new Map([[TARGET, { id: TARGET, number: '2', title: 'Kosten', depth: 1 }]]),
  editable: true,
};

describe('the cross-references’ context', () => {
  it('starts without an outline and reaches every reference once given', () => {
    const state = twoReferences();
    expect(sectionRefContext(state)).toBe(NO_SECTION_REF_CONTEXT);
    expect(drawn(state)).toEqual([
      [7, NO_SECTION_REF_CONTEXT],
      [13, NO_SECTION_REF_CONTEXT],
    ]);
    const given = state.apply(withSectionRefContext(state.tr, outline));
    expect(sectionRefContext(given)).toBe(outline);
    expect(drawn(given)).toEqual([
      [7, outline],
      [13, outline],
    ]);
  });

  it('moves along with typing and reaches a reference inserted later, while a deleted one goes', () => {
    const state = twoReferences();
    const given = state.apply(withSectionRefContext(state.tr, outline));
    const typed = given.apply(given.tr.insertText('Bitte ', 1));
    expect(drawn(typed)).toEqual([
      [13, outline],
      [19, outline],
    ]);
    const inserted = typed.apply(typed.tr.insert(1, reference()));
    expect(drawn(inserted).map(([pos]) => pos)).toEqual([1, 14, 20]);
    expect(drawn(inserted).every(([, context]) => context === outline)).toBe(true);
    const deleted = inserted.apply(inserted.tr.delete(1, 2));
    expect(drawn(deleted)).toEqual([
      [13, outline],
      [19, outline],
    ]);
  });

  it('is given without a step of the document and outside the undo history', () => {
    const state = twoReferences();
    const tr = withSectionRefContext(state.tr, outline);
    expect(tr.docChanged).toBe(false);
    expect(tr.getMeta('addToHistory')).toBe(false);
  });
});

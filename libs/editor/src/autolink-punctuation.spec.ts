import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { addressBeforePunctuation, autolinkBeforePunctuation } from './autolink-punctuation.js';
import { editorSchema } from './extensions.js';

const schema = editorSchema();
const linkType = schema.marks.link;

/** An editor state with one empty paragraph and the plugin, the cursor in the paragraph. */
function emptyState(): EditorState {
  const doc = schema.node('doc', null, [schema.node('paragraph')]);
  const state = EditorState.create({ doc, plugins: [autolinkBeforePunctuation(linkType, 'https')] });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, 1)));
}

/** Types `text` at the cursor, as one input, and presses Enter after it when asked. */
function typed(text: string, enter = false): EditorState {
  let state = emptyState();
  state = state.apply(state.tr.insertText(text));
  if (enter) {
    state = state.apply(state.tr.split(state.selection.from));
  }
  return state;
}

/** The linked pieces of the first paragraph: [text, href]. */
function links(state: EditorState): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  state.doc.firstChild?.forEach((node) => {
    const link = node.marks.find((mark) => mark.type === linkType);
    if (link !== undefined) {
      found.push([node.text ?? '', String(link.attrs.href)]);
    }
  });
  return found;
}

describe('addressBeforePunctuation', () => {
  it('takes the punctuation and closing quotes off the end of a word', () => {
    expect(addressBeforePunctuation('https://publiccode.eu.')).toBe('https://publiccode.eu');
    expect(addressBeforePunctuation('kgst.de,')).toBe('kgst.de');
    expect(addressBeforePunctuation('https://x.de/a?!')).toBe('https://x.de/a');
    expect(addressBeforePunctuation('https://x.de“.')).toBe('https://x.de');
  });

  it('takes a closing parenthesis off unless the address opened it, and leaves a word without punctuation alone', () => {
    expect(addressBeforePunctuation('https://x.de).')).toBe('https://x.de');
    expect(addressBeforePunctuation('https://de.wikipedia.org/wiki/Foo_(Bar).')).toBe(
      'https://de.wikipedia.org/wiki/Foo_(Bar)',
    );
    expect(addressBeforePunctuation('https://x.de')).toBeNull();
    expect(addressBeforePunctuation('...')).toBeNull();
  });
});

describe('autolinkBeforePunctuation', () => {
  it('links an address that ends a sentence once a space follows, without the full stop', () => {
    expect(links(typed('Mehr unter https://publiccode.eu. '))).toEqual([
      ['https://publiccode.eu', 'https://publiccode.eu'],
    ]);
  });

  it('links an address before the full stop that ends its paragraph when Enter is pressed', () => {
    const state = typed('Siehe https://zendis.de/ueber-uns/organisation-und-auftrag.', true);
    expect(links(state)).toEqual([
      [
        'https://zendis.de/ueber-uns/organisation-und-auftrag',
        'https://zendis.de/ueber-uns/organisation-und-auftrag',
      ],
    ]);
    expect(state.doc.childCount).toBe(2);
  });

  it('gives a bare domain the https scheme, and leaves words that are no address unlinked', () => {
    expect(links(typed('Vgl. kgst.de, '))).toEqual([['kgst.de', 'https://kgst.de']]);
    expect(links(typed('Das war gut. '))).toEqual([]);
    expect(links(typed('Ende.', true))).toEqual([]);
  });

  it('leaves text that arrived from another editor to that editor', () => {
    let state = emptyState();
    state = state.apply(
      state.tr
        .insertText('Mehr unter https://publiccode.eu. ')
        .setMeta(ySyncPluginKey, { isChangeOrigin: true }),
    );
    expect(links(state)).toEqual([]);
  });

  it('does nothing until the word is finished', () => {
    expect(links(typed('Mehr unter https://publiccode.eu.'))).toEqual([]);
  });
});

import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { createAnchor, resolveAnchor, type EncodedAnchor } from './anchors.js';
import { jsonOfState, SECTION_FRAGMENT, stateOfJson } from './content.js';
import { anchoredText, plainTextBetween, suggestionUpdate } from './suggestion.js';

function text(value: string, marks?: JSONContent['marks']): JSONContent {
  return marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks };
}

function documentWith(...content: JSONContent[]): JSONContent {
  return { type: 'doc', content: [{ type: 'paragraph', content }] };
}

/** A live section document built from `json`, and the first paragraph's text. */
function live(json: JSONContent): { doc: Y.Doc; first: Y.XmlText } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, stateOfJson(json));
  const paragraph = doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement;
  return { doc, first: paragraph.get(0) as Y.XmlText };
}

/** An anchor on the first occurrence of `passage` in the first paragraph. */
function anchorOn(first: Y.XmlText, passage: string): EncodedAnchor {
  const start = plainTextBetween(first, 0, first.length).indexOf(passage);
  return createAnchor(first, start, start + passage.length);
}

function paragraphOf(doc: Y.Doc): JSONContent[] {
  return jsonOfState(Y.encodeStateAsUpdate(doc)).content?.[0]?.content ?? [];
}

describe('suggested changes', () => {
  it('replace exactly the passage and leave the text around it as it was', () => {
    const { doc, first } = live(documentWith(text('Die Stadt nutzt Open Source seit 2019.')));
    const anchor = anchorOn(first, 'Open Source');

    const edit = suggestionUpdate(Y.encodeStateAsUpdate(doc), anchor, 'Open Source', 'freie Software');
    if (typeof edit === 'string') {
      throw new Error(`expected an edit, got ${edit}`);
    }
    Y.applyUpdate(doc, edit.update);

    expect(paragraphOf(doc)).toEqual([text('Die Stadt nutzt freie Software seit 2019.')]);
    expect(edit.anchor).not.toBeNull();
    expect(anchoredText(doc, edit.anchor as EncodedAnchor)).toBe('freie Software');
  });

  it('give the new text the formatting of the passage, not that of the text before it', () => {
    const { doc, first } = live(
      documentWith(text('Wir fordern '), text('offene Standards', [{ type: 'bold' }]), text('.')),
    );
    const anchor = anchorOn(first, 'offene Standards');

    const edit = suggestionUpdate(Y.encodeStateAsUpdate(doc), anchor, 'offene Standards', 'offene Formate');
    if (typeof edit === 'string') {
      throw new Error(`expected an edit, got ${edit}`);
    }
    Y.applyUpdate(doc, edit.update);

    expect(paragraphOf(doc)).toEqual([
      text('Wir fordern '),
      text('offene Formate', [{ type: 'bold' }]),
      text('.'),
    ]);
  });

  it('keep the formatting of the words they do not change, in a passage of mixed formatting', () => {
    const { doc, first } = live(
      documentWith(
        text('Der Rat hat '),
        text('drei wichtige Beschlüsse', [{ type: 'bold' }]),
        text(' gefasst, siehe '),
        text('Anhang A', [{ type: 'italic' }]),
        text('.'),
      ),
    );
    const passage = 'drei wichtige Beschlüsse gefasst, siehe Anhang A';
    const edit = suggestionUpdate(
      Y.encodeStateAsUpdate(doc),
      anchorOn(first, passage),
      passage,
      'drei zentrale Beschlüsse gefasst, vgl. Anhang A',
    );
    if (typeof edit === 'string') {
      throw new Error(`expected an edit, got ${edit}`);
    }
    Y.applyUpdate(doc, edit.update);

    expect(paragraphOf(doc)).toEqual([
      text('Der Rat hat '),
      text('drei zentrale Beschlüsse', [{ type: 'bold' }]),
      text(' gefasst, vgl. '),
      text('Anhang A', [{ type: 'italic' }]),
      text('.'),
    ]);
    expect(anchoredText(doc, edit.anchor as EncodedAnchor)).toBe(
      'drei zentrale Beschlüsse gefasst, vgl. Anhang A',
    );
  });

  it('give a word only added the formatting of the word before it in the passage', () => {
    const { doc, first } = live(
      documentWith(text('Wir fordern '), text('offene Standards', [{ type: 'bold' }]), text('.')),
    );
    const edit = suggestionUpdate(
      Y.encodeStateAsUpdate(doc),
      anchorOn(first, 'offene Standards'),
      'offene Standards',
      'offene und freie Standards',
    );
    if (typeof edit === 'string') {
      throw new Error(`expected an edit, got ${edit}`);
    }
    Y.applyUpdate(doc, edit.update);

    expect(paragraphOf(doc)).toEqual([
      text('Wir fordern '),
      text('offene und freie Standards', [{ type: 'bold' }]),
      text('.'),
    ]);
  });

  it('delete the passage when the suggestion is empty', () => {
    const { doc, first } = live(documentWith(text('Das ist sehr wirklich wichtig.')));
    const anchor = anchorOn(first, 'wirklich ');

    const edit = suggestionUpdate(Y.encodeStateAsUpdate(doc), anchor, 'wirklich ', '');
    if (typeof edit === 'string') {
      throw new Error(`expected an edit, got ${edit}`);
    }
    Y.applyUpdate(doc, edit.update);

    expect(paragraphOf(doc)).toEqual([text('Das ist sehr wichtig.')]);
    expect(edit.anchor).toBeNull();
  });

  it('are refused when the passage was edited since, so that the later edit is not overwritten', () => {
    const { doc, first } = live(documentWith(text('Die Stadt nutzt Open Source.')));
    const anchor = anchorOn(first, 'Open Source');
    const resolved = resolveAnchor(doc, anchor);
    if (resolved === 'detached') {
      throw new Error('anchor should resolve');
    }
    first.insert(resolved.start + 4, ' Source und');

    expect(suggestionUpdate(Y.encodeStateAsUpdate(doc), anchor, 'Open Source', 'freie Software')).toBe(
      'changed',
    );
  });

  it('are refused when the passage was deleted, so that accepting twice changes the text once', () => {
    const { doc, first } = live(documentWith(text('Die Stadt nutzt Open Source.')));
    const anchor = anchorOn(first, 'Open Source');
    const edit = suggestionUpdate(Y.encodeStateAsUpdate(doc), anchor, 'Open Source', 'freie Software');
    if (typeof edit === 'string') {
      throw new Error(`expected an edit, got ${edit}`);
    }
    Y.applyUpdate(doc, edit.update);

    expect(suggestionUpdate(Y.encodeStateAsUpdate(doc), anchor, 'Open Source', 'freie Software')).toBe(
      'detached',
    );
  });

  it('merge with an edit made elsewhere in the paragraph at the same moment', () => {
    const { doc, first } = live(documentWith(text('Die Stadt nutzt Open Source.')));
    const anchor = anchorOn(first, 'Open Source');
    const state = Y.encodeStateAsUpdate(doc);
    first.insert(0, 'Seit 2019: ');

    const edit = suggestionUpdate(state, anchor, 'Open Source', 'freie Software');
    if (typeof edit === 'string') {
      throw new Error(`expected an edit, got ${edit}`);
    }
    Y.applyUpdate(doc, edit.update);

    expect(paragraphOf(doc)).toEqual([text('Seit 2019: Die Stadt nutzt freie Software.')]);
  });
});

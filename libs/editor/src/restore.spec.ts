import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { contentOfState, jsonOfState, SECTION_FRAGMENT, stateOfJson } from './content.js';
import { restoreUpdate } from './restore.js';

function paragraph(text: string): JSONContent {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

function doc(...content: JSONContent[]): JSONContent {
  return { type: 'doc', content };
}

const VERSION = doc(
  { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ausgangslage' }] },
  paragraph('Die Stadt nutzt Open Source.'),
  paragraph('Der Rat hat 2024 zugestimmt.'),
);

/** A live document: the version's text, then edited by someone in place (not rebuilt from JSON). */
function editedDocument(): Y.Doc {
  const live = new Y.Doc();
  Y.applyUpdate(live, stateOfJson(VERSION));
  const fragment = live.getXmlFragment(SECTION_FRAGMENT);
  const second = fragment.get(1) as Y.XmlElement;
  (second.get(0) as Y.XmlText).insert(0, 'Seit Jahren: ');
  fragment.delete(2, 1);
  const added = new Y.XmlElement('paragraph');
  added.insert(0, [new Y.XmlText('Ein neuer Absatz.')]);
  fragment.insert(2, [added]);
  return live;
}

describe('restoring a version as an edit', () => {
  it('makes the document equal to the version when applied to the state it was computed against', () => {
    const live = editedDocument();
    expect(jsonOfState(Y.encodeStateAsUpdate(live))).not.toEqual(VERSION);

    Y.applyUpdate(live, restoreUpdate(Y.encodeStateAsUpdate(live), VERSION));

    expect(jsonOfState(Y.encodeStateAsUpdate(live))).toEqual(VERSION);
  });

  it('reaches a replica that holds the same state: the update is all an open editor needs', () => {
    const live = editedDocument();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));

    Y.applyUpdate(replica, restoreUpdate(Y.encodeStateAsUpdate(live), VERSION));

    expect(contentOfState(Y.encodeStateAsUpdate(replica)).text).toBe(
      'Ausgangslage\n\nDie Stadt nutzt Open Source.\n\nDer Rat hat 2024 zugestimmt.',
    );
  });

  it('keeps an unchanged paragraph and its items, so a relative position inside it still resolves', () => {
    const live = editedDocument();
    const heading = live.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement;
    const headingText = heading.get(0) as Y.XmlText;
    // "lage" in "Ausgangslage", as a comment anchor would hold it.
    const anchor = Y.createRelativePositionFromTypeIndex(headingText, 8);

    Y.applyUpdate(live, restoreUpdate(Y.encodeStateAsUpdate(live), VERSION));

    expect(live.getXmlFragment(SECTION_FRAGMENT).get(0)).toBe(heading);
    const resolved = Y.createAbsolutePositionFromRelativePosition(anchor, live);
    expect(resolved?.type).toBe(headingText);
    expect(resolved?.index).toBe(8);
  });

  it('keeps the unchanged characters of a changed paragraph (only the difference is replaced)', () => {
    const live = editedDocument();
    const second = (live.getXmlFragment(SECTION_FRAGMENT).get(1) as Y.XmlElement).get(0) as Y.XmlText;
    // "Open" in "Seit Jahren: Die Stadt nutzt Open Source."
    const anchor = Y.createRelativePositionFromTypeIndex(second, 'Seit Jahren: Die Stadt nutzt '.length);

    Y.applyUpdate(live, restoreUpdate(Y.encodeStateAsUpdate(live), VERSION));

    const resolved = Y.createAbsolutePositionFromRelativePosition(anchor, live);
    expect(resolved?.type).toBe(second);
    expect(resolved?.index).toBe('Die Stadt nutzt '.length);
  });

  it('changes nothing when the document already equals the version', () => {
    const live = new Y.Doc();
    Y.applyUpdate(live, stateOfJson(VERSION));
    const before = Y.encodeStateVector(live);

    Y.applyUpdate(live, restoreUpdate(Y.encodeStateAsUpdate(live), VERSION));

    expect(Y.encodeStateVector(live)).toEqual(before);
    expect(jsonOfState(Y.encodeStateAsUpdate(live))).toEqual(VERSION);
  });

  it('restores into an empty section', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const live = new Y.Doc();
    Y.applyUpdate(live, restoreUpdate(empty, VERSION));
    expect(jsonOfState(Y.encodeStateAsUpdate(live))).toEqual(VERSION);
  });

  it('refuses a document that does not fit the editor schema', () => {
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    expect(() => restoreUpdate(empty, doc({ type: 'marquee' }))).toThrow();
  });
});

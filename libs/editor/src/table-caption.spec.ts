import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { contentOfState, jsonOfState, stateOfJson, storedContentOfState } from './content.js';
import { editorSchema } from './extensions.js';
import { restoreUpdate } from './restore.js';
import { TABLE_CAPTION_MAX_LENGTH, tableCaption } from './table-caption.js';

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const cell = (text: string, header = false): JSONContent => ({ type: header ? 'tableHeader' : 'tableCell', content: [paragraph(text)] });
const table = (caption: unknown, size = 'bis 5.000'): JSONContent => ({
  type: 'table',
  ...(caption === undefined ? {} : { attrs: { caption } }),
  content: [
    { type: 'tableRow', content: [cell('Gemeinden', true), cell('Anteil', true)] },
    { type: 'tableRow', content: [cell(size), cell('12 %')] },
  ],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
/** A document as the schema gives it back (every attribute with its value or default). */
const documentJson = (json: JSONContent): JSONContent => editorSchema().nodeFromJSON(json).toJSON() as JSONContent;

describe('a table caption', () => {
  it('is an attribute of the table that a Yjs state keeps', () => {
    const json = doc(table('Open-Source-Anteil nach Gemeindegröße'), paragraph('Danach.'));
    expect(() => editorSchema().nodeFromJSON(json).check()).not.toThrow();
    expect(contentOfState(stateOfJson(json)).json).toEqual(documentJson(json));
    expect(documentJson(json).content?.[0]?.attrs).toEqual({ caption: 'Open-Source-Anteil nach Gemeindegröße', figureId: '' });
  });

  it('is null in tables written before captions, whose HTML stays as it was', () => {
    const content = contentOfState(stateOfJson(doc(table(undefined))));
    expect(content.json.content?.[0]?.attrs).toEqual({ caption: null, figureId: '' });
    expect(content.html).not.toContain('caption');
    expect(content.html).toMatch(/^<table style="min-width: 50px"><colgroup>/);
  });

  // Text of an element: < and & escaped, quotes need not be (no attribute).
  it('is written escaped as the table\'s <caption>, its first child, and left out when empty', () => {
    const { html } = contentOfState(stateOfJson(doc(table('Quelle: <b>KGSt</b> & "Land"'))));
    expect(html).toMatch(/^<table style="min-width: 50px"><caption>Quelle: &lt;b&gt;KGSt&lt;\/b&gt; &amp; "Land"<\/caption><colgroup>/);
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('data-caption');
    expect(contentOfState(stateOfJson(doc(table('   ')))).html).not.toContain('caption');
  });

  it('is kept as one line within the limit, whatever the JSON held', () => {
    const long = `${'x'.repeat(TABLE_CAPTION_MAX_LENGTH)}yyy`;
    const { text, html } = contentOfState(stateOfJson(doc(table(long))));
    expect(html).toContain(`<caption>${'x'.repeat(TABLE_CAPTION_MAX_LENGTH)}</caption>`);
    expect(text.split('\n\n')[0]).toBe('x'.repeat(TABLE_CAPTION_MAX_LENGTH));
    expect(contentOfState(stateOfJson(doc(table('Zwei\nZeilen')))).html).toContain('<caption>Zwei Zeilen</caption>');
  });

  // Parsing needs a DOM, which unit tests lack: test/browser/tables.e2e-spec.ts pastes one in Chromium.
  it('is read from the table\'s <caption>, whose words are not parsed as a row', () => {
    const rules = editorSchema().nodes.table.spec.parseDOM ?? [];
    expect(rules.map((rule) => ('tag' in rule ? { tag: rule.tag, ignore: rule.ignore === true } : null))).toEqual([
      { tag: 'table', ignore: false },
      { tag: 'caption', ignore: true },
    ]);
    const attrs = rules[0] !== undefined && 'getAttrs' in rules[0] ? rules[0].getAttrs : undefined;
    const element = (caption: string | null) => ({
      tagName: 'TABLE',
      textContent: 'alles',
      getAttribute: () => null,
      children: [
        ...(caption === null ? [] : [{ tagName: 'CAPTION', textContent: caption, children: [] }]),
        { tagName: 'TBODY', textContent: 'Zellen', children: [] },
      ],
    });
    // An attribute Tiptap reads as null is left out of the parsed attributes: the default (null) then.
    const read = (value: ReturnType<typeof element>): unknown => {
      const parsed = attrs?.(value);
      return parsed === false || parsed === undefined ? parsed : (parsed?.caption ?? null);
    };
    expect(read(element('  Tabelle\n mit  Zeilen '))).toBe('Tabelle mit Zeilen');
    expect(read(element(null))).toBeNull();
    expect(read(element('  '))).toBeNull();
  });
});

describe('the plain text of a section with tables', () => {
  const textOf = (...content: JSONContent[]) => contentOfState(stateOfJson(doc(...content))).text;

  it('has a caption as a block of its own before the table\'s cells', () => {
    expect(textOf(paragraph('Vorher.'), table('Anteil nach Größe'), paragraph('Nachher.'))).toBe(
      'Vorher.\n\nAnteil nach Größe\n\nGemeinden\n\nAnteil\n\nbis 5.000\n\n12 %\n\nNachher.',
    );
  });

  it('has nothing more for a table without one, as before captions', () => {
    for (const caption of [undefined, null, '  ']) {
      expect(textOf(paragraph('Vorher.'), table(caption))).toBe('Vorher.\n\nGemeinden\n\nAnteil\n\nbis 5.000\n\n12 %');
    }
  });

  it('has the caption of a table that starts the text without an empty line before it, and the same in a snapshot', () => {
    const state = stateOfJson(doc(table('Erste Tabelle')));
    expect(storedContentOfState(state).text).toBe('Erste Tabelle\n\nGemeinden\n\nAnteil\n\nbis 5.000\n\n12 %');
    expect(storedContentOfState(state).text).toBe(contentOfState(state).text);
  });
});

// What an editor sends for an edit is y-prosemirror's diff of the documents (restoreUpdate uses the same).
describe('a table caption set while someone else edits the table', () => {
  const base = stateOfJson(doc(table(null), paragraph('Text')));
  const merged = (...updates: Uint8Array[]): JSONContent => jsonOfState(Y.mergeUpdates([base, ...updates]));

  it('is one attribute of the table: a cell typed into at the same time keeps its words, and the rows stay', () => {
    const caption = restoreUpdate(base, doc(table('Kosten je Einwohner'), paragraph('Text')));
    const typed = restoreUpdate(base, doc(table(null, 'bis 5.000 Einw.'), paragraph('Text')));
    const expected = doc(table('Kosten je Einwohner', 'bis 5.000 Einw.'), paragraph('Text'));
    expect(merged(caption, typed)).toEqual(documentJson(expected));
    expect(merged(typed, caption)).toEqual(documentJson(expected));
  });

  it('ends as one of two captions set at once, the same for everyone, the table once', () => {
    const first = restoreUpdate(base, doc(table('Erste Fassung'), paragraph('Text')));
    const second = restoreUpdate(base, doc(table('Zweite Fassung'), paragraph('Text')));
    const one = merged(first, second);
    expect(merged(second, first)).toEqual(one);
    expect(one.content?.filter((node) => node.type === 'table')).toHaveLength(1);
    expect(['Erste Fassung', 'Zweite Fassung']).toContain(one.content?.[0]?.attrs?.caption);
  });

  it('is removed as it was set: null in the document again', () => {
    const withCaption = Y.mergeUpdates([base, restoreUpdate(base, doc(table('Kosten'), paragraph('Text')))]);
    const removed = restoreUpdate(withCaption, doc(table(null), paragraph('Text')));
    expect(jsonOfState(Y.mergeUpdates([withCaption, removed]))).toEqual(documentJson(doc(table(null), paragraph('Text'))));
  });
});

describe('tableCaption()', () => {
  it('keeps one line of text within the limit', () => {
    expect(tableCaption('  Tabelle\nmit\tZeilen  ')).toBe('Tabelle mit Zeilen');
    expect(tableCaption('x'.repeat(TABLE_CAPTION_MAX_LENGTH + 10))).toHaveLength(TABLE_CAPTION_MAX_LENGTH);
  });

  it('makes anything but a string no caption', () => {
    expect(tableCaption(null)).toBe('');
    expect(tableCaption(7)).toBe('');
    expect(tableCaption({ text: 'x' })).toBe('');
  });
});

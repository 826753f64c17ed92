import { describe, expect, it } from '@jest/globals';
import { findQueryMatches, foldForSearch, parseSearchQuery } from '@kapitel/domain';
import { contentOfState, editorSchema, stateOfJson } from '@kapitel/editor';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { matchesInDocument, searchedTextOf } from './search-places';

const schema = editorSchema();
const text = (value: string) => schema.text(value);
const paragraph = (...content: ProseMirrorNode[]) => schema.node('paragraph', null, content);
const heading = (value: string) => schema.node('heading', { level: 2 }, [text(value)]);
const footnote = (value: string) => schema.node('footnote', { text: value });
const image = (caption: string | null) => schema.node('image', { src: '/api/images/x', alt: 'Karte', caption });
const doc = (...content: ProseMirrorNode[]) => schema.node('doc', null, content);

/** A section with every kind of content the plain text has: headings, marks, lists, a table, notes, images, a hard break. */
function richSection(): ProseMirrorNode {
  const cell = (value: string) => schema.node('tableCell', null, [paragraph(text(value))]);
  return doc(
    heading('Radverkehr in Köln'),
    paragraph(text('Der '), schema.text('Radverkehr', [schema.mark('bold')]), text(' wächst'), footnote('Quelle: Amt für Radverkehr'), text('.')),
    image('Karte der Radwege'),
    image(null),
    schema.node('bulletList', null, [schema.node('listItem', null, [paragraph(text('Kreis'))])]),
    paragraph(text('Nord'), schema.node('hardBreak'), text('Süd: Frau Mueller')),
    schema.node('table', null, [schema.node('tableRow', null, [cell('Jahr'), cell('Radverkehr')])]),
    schema.node('table', { caption: 'Radwege nach Bezirk' }, [schema.node('tableRow', null, [cell('Bezirk')])]),
  );
}

/** What each match covers: the text of text pieces, the node name of leaves. */
function covered(node: ProseMirrorNode, query: string): string[][] {
  return matchesInDocument(node, query).map((pieces) =>
    pieces.map((piece) => (piece.leaf ? `<${node.nodeAt(piece.from)?.type.name ?? '?'}>` : node.textBetween(piece.from, piece.to))),
  );
}

describe('matchesInDocument()', () => {
  it('searches the same plain text the server searches', () => {
    const section = richSection();
    expect(searchedTextOf(section)).toBe(contentOfState(stateOfJson(section.toJSON() as Record<string, unknown>)).text);
  });

  it('finds as many matches as the server counts in that text', () => {
    const section = richSection();
    const serverText = contentOfState(stateOfJson(section.toJSON() as Record<string, unknown>)).text;
    for (const query of ['radverkehr', 'Müller', '"nord süd"', '„kreis nord“', 'nord süd', 'wege', 'ä', 'Rad radverkehr karte', 'jahr »kreis nord«']) {
      expect(matchesInDocument(section, query)).toHaveLength(findQueryMatches(foldForSearch(serverText), parseSearchQuery(query)).length);
    }
  });

  it('marks text matches as the text writes them, a footnote or caption match as its node', () => {
    expect(covered(richSection(), 'RADVERKEHR')).toEqual([['Radverkehr'], ['Radverkehr'], ['<footnote>'], ['Radverkehr']]);
    expect(covered(richSection(), 'Müller')).toEqual([['Mueller']]);
    expect(covered(richSection(), 'radwege')).toEqual([['<image>'], ['<table>']]);
  });

  it('marks every occurrence of each word of the query, in text order', () => {
    expect(covered(richSection(), 'Mueller köln')).toEqual([['Köln'], ['Mueller']]);
    expect(covered(richSection(), 'jahr radverkehr')).toEqual([['Radverkehr'], ['Radverkehr'], ['<footnote>'], ['Jahr'], ['Radverkehr']]);
  });

  it('marks a quoted phrase across blocks and line breaks in pieces', () => {
    expect(covered(richSection(), '"kreis nord sud"')).toEqual([['Kreis', 'Nord', 'Süd']]);
    expect(covered(richSection(), '„wächst [quelle“')).toEqual([['wächst', '<footnote>']]);
    expect(covered(richSection(), '»radverkehr]. karte«')).toEqual([['<footnote>', '.', '<image>']]);
    // The same words unquoted are words of their own.
    expect(covered(richSection(), 'kreis nord')).toEqual([['Kreis'], ['Nord']]);
  });

  it('gives document positions, so that each text piece is the matched text itself', () => {
    const section = doc(paragraph(text('Ein Satz über Straßen.')), paragraph(text('Zweite Strasse.')));
    const pieces = matchesInDocument(section, 'strasse').flat();
    expect(pieces).toEqual([
      { from: 15, to: 21, leaf: false },
      { from: 32, to: 39, leaf: false },
    ]);
    expect(pieces.map((piece) => section.textBetween(piece.from, piece.to))).toEqual(['Straße', 'Strasse']);
  });

  it('finds nothing for a query with nothing to find, or in an empty section', () => {
    expect(matchesInDocument(richSection(), '\u00AD')).toEqual([]);
    expect(matchesInDocument(doc(paragraph()), 'wort')).toEqual([]);
  });
});

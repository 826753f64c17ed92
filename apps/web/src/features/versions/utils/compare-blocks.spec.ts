import { describe, expect, it } from '@jest/globals';
import { compareBlocks } from './compare-blocks';

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const cell = (value: string, type = 'tableCell') => ({ type, content: [paragraph(text(value))] });

describe('compareBlocks()', () => {
  it('gives headings, paragraphs, list items, quotes, table rows, images, captions and footnotes in reading order', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [text('Ziele')] },
        paragraph(text('Erster '), { type: 'footnote', attrs: { text: 'Quelle: Kreisamt.' } }, text('Satz.')),
        paragraph(),
        {
          type: 'orderedList',
          attrs: { start: 2 },
          content: [
            { type: 'listItem', content: [paragraph(text('Punkt a')), paragraph(text('mehr zu a'))] },
            {
              type: 'listItem',
              content: [
                paragraph(text('Punkt b')),
                { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('innen'))] }] },
              ],
            },
          ],
        },
        { type: 'blockquote', content: [paragraph(text('Zitat'), { type: 'hardBreak' }, text('zweite Zeile'))] },
        {
          type: 'table',
          attrs: { caption: 'Kosten je Jahr' },
          content: [
            { type: 'tableRow', content: [cell('Jahr', 'tableHeader'), cell('Kosten', 'tableHeader')] },
            { type: 'tableRow', content: [cell('2025'), cell('1.234 €')] },
          ],
        },
        { type: 'image', attrs: { src: '/x.png', alt: 'Karte des Kreises', caption: 'Abb.: Lage' } },
      ],
    };
    expect(compareBlocks(doc, '')).toEqual([
      { kind: 'heading', level: 3, text: 'Ziele' },
      { kind: 'paragraph', text: 'Erster Satz.' },
      { kind: 'footnote', text: 'Quelle: Kreisamt.' },
      { kind: 'listItem', marker: '2.', text: 'Punkt a' },
      { kind: 'listItem', marker: '', text: 'mehr zu a' },
      { kind: 'listItem', marker: '3.', text: 'Punkt b' },
      { kind: 'listItem', marker: '•', text: 'innen' },
      { kind: 'quote', text: 'Zitat\nzweite Zeile' },
      { kind: 'tableCaption', text: 'Kosten je Jahr' },
      { kind: 'row', text: 'Jahr | Kosten' },
      { kind: 'row', text: '2025 | 1.234 €' },
      { kind: 'image', text: 'Karte des Kreises' },
      { kind: 'caption', text: 'Abb.: Lage' },
    ]);
  });

  it('falls back to the plain text when the JSON holds nothing', () => {
    expect(compareBlocks({ type: 'doc', content: [] }, 'Eins.\n\nZwei.\n\n\n')).toEqual([
      { kind: 'paragraph', text: 'Eins.' },
      { kind: 'paragraph', text: 'Zwei.' },
    ]);
    expect(compareBlocks(null, '')).toEqual([]);
  });
});

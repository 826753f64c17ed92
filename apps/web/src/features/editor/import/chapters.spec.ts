import { describe, expect, it } from '@jest/globals';
import { chaptersOf, headingLevelCount } from './chapters';
import type { Block, Inline } from './model';

const text = (value: string): Inline => ({ kind: 'text', text: value, marks: {} });
const paragraph = (value: string): Block => ({ kind: 'paragraph', inlines: [text(value)] });
const heading = (level: number, value: string): Block => ({ kind: 'heading', level, inlines: [text(value)] });

describe('chaptersOf', () => {
  it('cuts the document at its top headings, lower headings staying in the chapter’s text', () => {
    const chapters = chaptersOf(
      [
        heading(2, 'Ausgangslage'),
        paragraph('Eins zwei.'),
        heading(3, 'Im Kreis'),
        paragraph('Drei.'),
        heading(2, 'Ziele'),
        paragraph('Vier fünf sechs.'),
      ],
      'Ohne Überschrift',
    );
    expect(chapters).toEqual([
      {
        title: 'Ausgangslage',
        blocks: [paragraph('Eins zwei.'), heading(3, 'Im Kreis'), paragraph('Drei.')],
        words: 5,
        numbered: true,
        parent: null,
      },
      { title: 'Ziele', blocks: [paragraph('Vier fünf sechs.')], words: 3, numbered: true, parent: null },
    ]);
  });

  it('makes the text before the first heading an unnumbered chapter of its own, and names chapters whose heading has no text', () => {
    const chapters = chaptersOf(
      [paragraph('Vorweg.'), heading(1, '  '), paragraph('Danach.')],
      'Ohne Überschrift',
    );
    expect(chapters.map((chapter) => [chapter.title, chapter.blocks, chapter.numbered])).toEqual([
      ['Ohne Überschrift', [paragraph('Vorweg.')], false],
      ['Ohne Überschrift', [paragraph('Danach.')], true],
    ]);
  });

  it('counts a chapter’s footnotes among its words, as the section will, and cuts an overlong title', () => {
    const noted: Block = {
      kind: 'paragraph',
      inlines: [text('Satz.'), { kind: 'footnote', text: 'Quelle 2024.' }],
    };
    const [chapter] = chaptersOf([heading(1, 'T'.repeat(400)), noted], 'Ohne Überschrift');
    expect(chapter?.words).toBe(3);
    expect(chapter?.title).toHaveLength(300);
  });

  it('keeps the document’s title with the text around it instead of making it a chapter', () => {
    const title: Block = { kind: 'heading', level: 1, inlines: [text('Jahresbericht')], title: true };
    const chapters = chaptersOf(
      [title, paragraph('Herausgeber'), heading(1, 'Einleitung'), paragraph('Text.')],
      'Ohne Überschrift',
    );
    expect(chapters.map((chapter) => [chapter.title, chapter.blocks])).toEqual([
      ['Ohne Überschrift', [title, paragraph('Herausgeber')]],
      ['Einleitung', [paragraph('Text.')]],
    ]);
  });

  it('counts captions without the label the section drops, and cuts a long title at a word', () => {
    const caption: Block = {
      kind: 'paragraph',
      caption: true,
      inlines: [text('Abbildung 1: Karte der Kreise')],
    };
    const [chapter] = chaptersOf([heading(1, `${'Wort '.repeat(70)}Ende`), caption], 'Ohne Überschrift');
    expect(chapter?.words).toBe(3);
    expect(chapter?.title.endsWith('Wort…')).toBe(true);
    expect(chapter?.title.length).toBeLessThanOrEqual(300);
  });

  it('drops chapter numbers typed into the titles when they count 1, 2, 3 …, and keeps a number that is part of a title', () => {
    const titles = (...headings: string[]) =>
      chaptersOf(
        headings.map((title) => heading(1, title)),
        'Ohne Überschrift',
      ).map((chapter) => chapter.title);
    expect(titles('Vorwort', '1 Ausgangslage', '2. Ziele', '3 Wege', 'Anhang')).toEqual([
      'Vorwort',
      'Ausgangslage',
      'Ziele',
      'Wege',
      'Anhang',
    ]);
    expect(titles('10 Jahre Open Source', 'Ausblick')).toEqual(['10 Jahre Open Source', 'Ausblick']);
    expect(titles('1 Ausgangslage', '3 Ziele')).toEqual(['1 Ausgangslage', '3 Ziele']);
    expect(titles('2030 Strategie', '2031 Umsetzung')).toEqual(['2030 Strategie', '2031 Umsetzung']);
  });

  it('takes the direction controls out of a title, and names a heading of invisible characters only as untitled', () => {
    const chapters = chaptersOf([heading(1, '\u202BEinleitung\u202C'), heading(1, '\u200B\u200D'), paragraph('Text.')], 'Ohne Überschrift');
    expect(chapters.map((chapter) => chapter.title)).toEqual(['Einleitung', 'Ohne Überschrift']);
  });

  it('gives a document without headings as one numbered chapter', () => {
    expect(chaptersOf([paragraph('Nur Text.')], 'Ohne Überschrift')).toEqual([
      { title: 'Ohne Überschrift', blocks: [paragraph('Nur Text.')], words: 2, numbered: true, parent: null },
    ]);
  });

  it('makes the headings of the second and third level subsections when asked, lower ones staying in the text', () => {
    const blocks = [
      paragraph('Vorweg.'),
      heading(1, 'Ausgangslage'),
      paragraph('Eins.'),
      heading(2, 'Im Kreis'),
      paragraph('Zwei.'),
      heading(3, 'Gemeinden'),
      heading(4, 'Beispiel'),
      paragraph('Drei.'),
      heading(2, 'Im Land'),
      heading(1, 'Ziele'),
    ];
    const outline = (levels: number) =>
      chaptersOf(blocks, 'Ohne Überschrift', levels).map((chapter) => [chapter.title, chapter.parent, chapter.blocks.length]);
    expect(outline(2)).toEqual([
      ['Ohne Überschrift', null, 1],
      ['Ausgangslage', null, 1],
      ['Im Kreis', 1, 4],
      ['Im Land', 1, 0],
      ['Ziele', null, 0],
    ]);
    expect(outline(3)).toEqual([
      ['Ohne Überschrift', null, 1],
      ['Ausgangslage', null, 1],
      ['Im Kreis', 1, 1],
      ['Gemeinden', 2, 2],
      ['Im Land', 1, 0],
      ['Ziele', null, 0],
    ]);
    expect(headingLevelCount(blocks)).toBe(3);
    expect(headingLevelCount([paragraph('Nur Text.')])).toBe(0);
  });

  it('takes the levels the document uses, and puts a subsection before any chapter at the top', () => {
    const chapters = chaptersOf(
      [heading(3, 'Vorab'), heading(1, 'Teil'), heading(3, 'Abschnitt'), heading(5, 'Tiefer')],
      'Ohne Überschrift',
      2,
    );
    expect(chapters.map((chapter) => [chapter.title, chapter.parent])).toEqual([
      ['Vorab', null],
      ['Teil', null],
      ['Abschnitt', 1],
    ]);
    expect(chapters[2]?.blocks).toEqual([heading(5, 'Tiefer')]);
  });

  it('drops the numbers typed into subsection titles when they count on from their chapter’s', () => {
    const titles = (...headings: Array<[number, string]>) =>
      chaptersOf(
        headings.map(([level, title]) => heading(level, title)),
        'Ohne Überschrift',
        2,
      ).map((chapter) => chapter.title);
    expect(titles([1, '1 Lage'], [2, '1.1 Kreis'], [2, '1.2. Land'], [1, '2 Ziele'], [2, '2.1 Wege'])).toEqual([
      'Lage',
      'Kreis',
      'Land',
      'Ziele',
      'Wege',
    ]);
    // The chapters keep theirs (a lone number), so the subsections keep theirs too.
    expect(titles([1, '10 Jahre'], [2, '10.1 Rückblick'])).toEqual(['10 Jahre', '10.1 Rückblick']);
    // A subsection numbered after another chapter keeps its number.
    expect(titles([1, '1 Lage'], [2, '2.1 Kreis'], [1, '2 Ziele'])).toEqual(['Lage', '2.1 Kreis', 'Ziele']);
  });
});

import { findMatches, foldForSearch, foldQuery } from '@kapitel/domain';
import { snippetsOf } from './snippets.js';

function snippets(text: string, query: string, max?: number, context?: number) {
  return snippetsOf(text, findMatches(foldForSearch(text), foldQuery(query)), max, context);
}

describe('snippetsOf()', () => {
  it('shows a match in a short text whole, without ellipses', () => {
    expect(snippets('Der Radverkehr wächst.', 'radverkehr')).toEqual([
      { before: 'Der ', match: 'Radverkehr', after: ' wächst.' },
    ]);
  });

  it('cuts the context at word boundaries and marks the cuts with an ellipsis', () => {
    const text = 'eins zwei drei vier fünf sechs Treffer sieben acht neun zehn elf zwölf';
    expect(snippets(text, 'treffer', 3, 12)).toEqual([{ before: '…fünf sechs ', match: 'Treffer', after: ' sieben acht…' }]);
  });

  it('keeps about 60 characters on each side by default', () => {
    const words = Array.from({ length: 40 }, (_, index) => `wort${String(index).padStart(2, '0')}`);
    const text = [...words.slice(0, 20), 'Treffer', ...words.slice(20)].join(' ');
    const [snippet] = snippets(text, 'treffer');
    expect(snippet?.before).toBe('…wort12 wort13 wort14 wort15 wort16 wort17 wort18 wort19 ');
    expect(snippet?.after).toBe(' wort20 wort21 wort22 wort23 wort24 wort25 wort26 wort27…');
    expect(snippet?.before.length).toBeLessThanOrEqual(61);
    expect(snippet?.after.length).toBeLessThanOrEqual(61);
  });

  it('writes the blocks of the text on one line', () => {
    expect(snippets('Erster Absatz.\n\nZweiter Absatz mit Treffer.', 'treffer')).toEqual([
      { before: 'Erster Absatz. Zweiter Absatz mit ', match: 'Treffer', after: '.' },
    ]);
  });

  it('cuts a word longer than the context where it must, but never an emoji in two', () => {
    const [snippet] = snippets(`${'😀'.repeat(20)}Treffer`, 'treffer', 3, 5);
    expect(snippet?.before).toBe('…😀😀');
  });

  it('gives at most three snippets and none for a match already shown in the one before', () => {
    const text = 'Treffer eins Treffer zwei. ' + 'Füllwort '.repeat(20) + 'Treffer drei. ' + 'Füllwort '.repeat(20) + 'Treffer vier. ' + 'Füllwort '.repeat(20) + 'Treffer fünf.';
    const found = snippets(text, 'treffer');
    expect(found.map((snippet) => snippet.after.slice(0, 6))).toEqual([' eins ', ' drei.', ' vier.']);
    expect(found[0]?.after).toContain('Treffer zwei');
  });
});

import { diffSequences } from './sequence-diff.js';
import { diffWords, tokenize, type Segment } from './text-diff.js';
import { countWords } from './word-count.js';

const LIMITS = { maxTokens: 6000, maxEdits: 600 };

/** The old text is the equal and deleted segments, the new one the equal and inserted ones. */
function sides(segments: readonly Segment[]): [string, string] {
  const before = segments.filter((segment) => segment.op !== 'insert').map((segment) => segment.text);
  const after = segments.filter((segment) => segment.op !== 'delete').map((segment) => segment.text);
  return [before.join(''), after.join('')];
}

describe('diffSequences()', () => {
  it('finds a shortest edit script that turns the one sequence into the other', () => {
    const a = [1, 2, 3, 1, 2, 2, 1];
    const b = [3, 2, 1, 2, 1, 3];
    const diff = diffSequences(a, b, 100);
    expect(diff.complete).toBe(true);
    // Myers' own example (ABCABBA -> CBABAC) needs five steps.
    expect(diff.ops.filter((op) => op !== 'equal')).toHaveLength(5);
    const rebuilt: number[] = [];
    let i = 0;
    let j = 0;
    for (const op of diff.ops) {
      if (op === 'equal') {
        expect(a[i]).toBe(b[j]);
      }
      if (op !== 'delete') {
        rebuilt.push(b[j] ?? -1);
      }
      i += op === 'insert' ? 0 : 1;
      j += op === 'delete' ? 0 : 1;
    }
    expect(rebuilt).toEqual(b);
    expect(i).toBe(a.length);
  });

  it('handles empty sides', () => {
    expect(diffSequences([], [], 10)).toEqual({ ops: [], complete: true });
    expect(diffSequences([], [1, 2], 10)).toEqual({ ops: ['insert', 'insert'], complete: true });
    expect(diffSequences([1], [], 10)).toEqual({ ops: ['delete'], complete: true });
  });

  it('gives up past the cap, keeping the common start and end', () => {
    const diff = diffSequences([9, 1, 2, 3, 9], [9, 4, 5, 6, 9], 2);
    expect(diff.complete).toBe(false);
    expect(diff.ops).toEqual(['equal', 'delete', 'delete', 'delete', 'insert', 'insert', 'insert', 'equal']);
  });
});

describe('tokenize()', () => {
  it('keeps words with umlauts, ß, compounds, hyphens, apostrophes and numbers whole', () => {
    expect(tokenize('Die Ausschusssitzung (Straßenbau) prüft E-Mail-Verteiler, geht’s um 1.234,56 €?')).toEqual([
      'Die', ' ', 'Ausschusssitzung', ' ', '(', 'Straßenbau', ')', ' ', 'prüft', ' ', 'E-Mail-Verteiler', ',', ' ',
      'geht’s', ' ', 'um', ' ', '1.234,56', ' ', '€', '?',
    ]);
  });

  it('gives back the text when joined, whatever it holds', () => {
    const text = '  Zeile\neins —  «zwei»\t§ 3 Abs. 2; Ünterführung… 🚲 a-';
    expect(tokenize(text).join('')).toBe(text);
  });

  it('counts words, not spaces or punctuation', () => {
    expect(countWords('Größere Kreisstädte, z. B. Überlingen: 3 Fälle.')).toBe(7);
    expect(countWords(' – , ')).toBe(0);
  });
});

describe('diffWords()', () => {
  it('marks an inserted word', () => {
    const { segments } = diffWords('Der Kreis plant neu.', 'Der Kreis plant den Radweg neu.', LIMITS);
    expect(segments.filter((segment) => segment.op !== 'equal')).toEqual([{ op: 'insert', text: 'den Radweg ' }]);
    expect(sides(segments)).toEqual(['Der Kreis plant neu.', 'Der Kreis plant den Radweg neu.']);
  });

  it('marks a deleted word', () => {
    const { segments } = diffWords('Die Gemeinde prüft sorgfältig alle Anträge.', 'Die Gemeinde prüft alle Anträge.', LIMITS);
    expect(segments.filter((segment) => segment.op !== 'equal')).toEqual([{ op: 'delete', text: 'sorgfältig ' }]);
  });

  it('gives a replacement as the deleted words, then the inserted ones, with the space between taken in', () => {
    const { segments } = diffWords('Wir fördern alte Straßen hier.', 'Wir fördern neue Brücken hier.', LIMITS);
    expect(segments).toEqual([
      { op: 'equal', text: 'Wir fördern ' },
      { op: 'delete', text: 'alte Straßen' },
      { op: 'insert', text: 'neue Brücken' },
      { op: 'equal', text: ' hier.' },
    ]);
  });

  it('sees a changed umlaut word as one changed word, not as changed letters', () => {
    const { segments } = diffWords('Die Bürgerbeteiligung läuft.', 'Die Bürgerbefragung läuft.', LIMITS);
    expect(segments).toEqual([
      { op: 'equal', text: 'Die ' },
      { op: 'delete', text: 'Bürgerbeteiligung' },
      { op: 'insert', text: 'Bürgerbefragung' },
      { op: 'equal', text: ' läuft.' },
    ]);
  });

  it('marks changed punctuation on its own', () => {
    const { segments } = diffWords('Das gilt, sofern nichts anderes bestimmt ist.', 'Das gilt; sofern nichts anderes bestimmt ist!', LIMITS);
    expect(segments.filter((segment) => segment.op !== 'equal')).toEqual([
      { op: 'delete', text: ',' },
      { op: 'insert', text: ';' },
      { op: 'delete', text: '.' },
      { op: 'insert', text: '!' },
    ]);
  });

  it('finds nothing between identical texts', () => {
    expect(diffWords('Gleich bleibt gleich.', 'Gleich bleibt gleich.', LIMITS)).toEqual({
      segments: [{ op: 'equal', text: 'Gleich bleibt gleich.' }],
      complete: true,
    });
    expect(diffWords('', '', LIMITS)).toEqual({ segments: [], complete: true });
  });

  it('gives an empty text filled, and a text emptied, whole', () => {
    expect(diffWords('', 'Ganz neu.', LIMITS).segments).toEqual([{ op: 'insert', text: 'Ganz neu.' }]);
    expect(diffWords('Ganz weg.', '', LIMITS).segments).toEqual([{ op: 'delete', text: 'Ganz weg.' }]);
  });

  it('gives a pair above the token limit as replaced whole, without a word diff', () => {
    const before = 'alt '.repeat(4000);
    const after = 'neu '.repeat(4000);
    const diff = diffWords(before, after, LIMITS);
    expect(diff.complete).toBe(false);
    expect(diff.segments).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  });

  it('gives a pair that needs more steps than allowed as replaced whole', () => {
    const before = Array.from({ length: 400 }, (_, index) => `a${index}`).join(' ');
    const after = Array.from({ length: 400 }, (_, index) => `b${index}`).join(' ');
    const diff = diffWords(before, after, { maxTokens: 6000, maxEdits: 100 });
    expect(diff.complete).toBe(false);
    expect(sides(diff.segments)).toEqual([before, after]);
  });
});

describe('diffWords() cleanup', () => {
  it('does not show a kept space between two insertions as deleted', () => {
    const { segments } = diffWords('Der Hund bellt.', 'Der große, alte Hund bellt.', LIMITS);
    expect(segments.filter((segment) => segment.op === 'delete')).toEqual([]);
    expect(sides(segments)).toEqual(['Der Hund bellt.', 'Der große, alte Hund bellt.']);
  });

  it('keeps both texts whole in every case', () => {
    const pairs: Array<[string, string]> = [
      ['a b c d e', 'a x c y e'],
      ['eins zwei drei', 'drei zwei eins'],
      ['Das Amt prüft, ob die Mittel reichen.', 'Ob die Mittel reichen, prüft das Landratsamt bis Mai.'],
      [' führendes Leerzeichen', 'führendes  Leerzeichen '],
    ];
    for (const [before, after] of pairs) {
      expect(sides(diffWords(before, after, LIMITS).segments)).toEqual([before, after]);
    }
  });
});

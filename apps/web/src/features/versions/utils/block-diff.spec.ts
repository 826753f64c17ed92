import { describe, expect, it } from '@jest/globals';
import { diffBlocks, similarity, type BlockChange, type DiffBlock } from './block-diff';

const p = (text: string): DiffBlock => ({ kind: 'paragraph', text });

/** Each change in short: '=' kept, '~' edited, '-' removed, '+' added, with the text it shows. */
function outline(changes: ReadonlyArray<BlockChange<DiffBlock>>): string[] {
  return changes.map((change) => {
    switch (change.type) {
      case 'equal':
        return `= ${change.after.text}`;
      case 'changed':
        return `~ ${change.after.text}`;
      case 'removed':
        return `- ${change.before.text}`;
      case 'added':
        return `+ ${change.after.text}`;
    }
  });
}

describe('diffBlocks()', () => {
  it('keeps identical documents whole, with nothing counted', () => {
    const blocks = [p('Eins zwei.'), p('Drei vier.')];
    const diff = diffBlocks(blocks, blocks.map((block) => ({ ...block })));
    expect(outline(diff.changes)).toEqual(['= Eins zwei.', '= Drei vier.']);
    expect(diff.summary).toEqual({ wordsInserted: 0, wordsDeleted: 0, blocksChanged: 0, blocksAdded: 0, blocksRemoved: 0 });
  });

  it('pairs an edited paragraph with its old self and counts its changed words', () => {
    const diff = diffBlocks(
      [p('Einleitung.'), p('Der Kreistag hat den Haushalt im März beschlossen.'), p('Schluss.')],
      [p('Einleitung.'), p('Der Kreistag hat den geänderten Haushalt im April beschlossen.'), p('Schluss.')],
    );
    expect(outline(diff.changes)).toEqual([
      '= Einleitung.',
      '~ Der Kreistag hat den geänderten Haushalt im April beschlossen.',
      '= Schluss.',
    ]);
    const edited = diff.changes[1];
    expect(edited?.type === 'changed' ? edited.segments.filter((segment) => segment.op !== 'equal') : []).toEqual([
      { op: 'insert', text: 'geänderten ' },
      { op: 'delete', text: 'März' },
      { op: 'insert', text: 'April' },
    ]);
    expect(diff.summary).toEqual({ wordsInserted: 2, wordsDeleted: 1, blocksChanged: 1, blocksAdded: 0, blocksRemoved: 0 });
  });

  it('shows inserted and removed paragraphs whole and counts their words', () => {
    const diff = diffBlocks(
      [p('Erster Absatz.'), p('Veralteter Hinweis ohne Bezug.'), p('Letzter Absatz.')],
      [p('Erster Absatz.'), p('Letzter Absatz.'), p('Ein ganz neuer Schlussgedanke.')],
    );
    expect(outline(diff.changes)).toEqual([
      '= Erster Absatz.',
      '- Veralteter Hinweis ohne Bezug.',
      '= Letzter Absatz.',
      '+ Ein ganz neuer Schlussgedanke.',
    ]);
    expect(diff.summary).toEqual({ wordsInserted: 4, wordsDeleted: 4, blocksChanged: 0, blocksAdded: 1, blocksRemoved: 1 });
  });

  it('treats a moved paragraph as removed at its old place and added at its new one', () => {
    const diff = diffBlocks(
      [p('Alpha bleibt.'), p('Beta wandert.'), p('Gamma bleibt.'), p('Delta bleibt.')],
      [p('Alpha bleibt.'), p('Gamma bleibt.'), p('Delta bleibt.'), p('Beta wandert.')],
    );
    expect(outline(diff.changes)).toEqual([
      '= Alpha bleibt.',
      '- Beta wandert.',
      '= Gamma bleibt.',
      '= Delta bleibt.',
      '+ Beta wandert.',
    ]);
    expect(diff.summary.blocksAdded).toBe(1);
    expect(diff.summary.blocksRemoved).toBe(1);
  });

  it('gives every block of a text written into an empty one as added', () => {
    const diff = diffBlocks([], [p('Neu eins.'), { kind: 'heading', text: 'Neu zwei' }]);
    expect(outline(diff.changes)).toEqual(['+ Neu eins.', '+ Neu zwei']);
    expect(diff.summary).toEqual({ wordsInserted: 4, wordsDeleted: 0, blocksChanged: 0, blocksAdded: 2, blocksRemoved: 0 });
  });

  it('does not pair a rewritten paragraph with an unrelated one, but pairs a lone replacement', () => {
    const rewritten = diffBlocks(
      [p('Der Radverkehr wächst stetig.'), p('Kosten sind gedeckt.')],
      [p('Der Radverkehr wächst stetig weiter.'), p('Völlig anderer Inhalt hier.')],
    );
    expect(outline(rewritten.changes)).toEqual([
      '~ Der Radverkehr wächst stetig weiter.',
      '- Kosten sind gedeckt.',
      '+ Völlig anderer Inhalt hier.',
    ]);
    const lone = diffBlocks([p('A.'), { kind: 'heading', text: 'Einleitung' }, p('B.')], [
      p('A.'),
      { kind: 'heading', text: 'Vorwort' },
      p('B.'),
    ]);
    expect(outline(lone.changes)).toEqual(['= A.', '~ Vorwort', '= B.']);
  });

  it('never pairs blocks of different kinds', () => {
    const diff = diffBlocks([p('Ziele und Wege')], [{ kind: 'heading', text: 'Ziele und Wege' }]);
    expect(outline(diff.changes)).toEqual(['- Ziele und Wege', '+ Ziele und Wege']);
  });

  it('measures similarity by shared words, case aside', () => {
    expect(similarity('Der Kreis baut', 'der Kreis baut')).toBe(1);
    expect(similarity('eins zwei', 'drei vier')).toBe(0);
    expect(similarity('eins zwei drei vier', 'eins zwei fünf sechs')).toBe(0.5);
  });

  it('compares a generated section of about 100 pages edited throughout, pairing every edited paragraph', () => {
    const words = ['Gemeinde', 'Kreistag', 'Haushalt', 'Straßenbau', 'Bürgerbeteiligung', 'prüft', 'beschließt', 'für', 'die', 'über', 'Förderung', 'Übersicht'];
    const paragraph = (index: number): string =>
      Array.from({ length: 40 }, (_, word) => words[(index * 7 + word * 3 + (word * word) % 5) % words.length]).join(' ') +
      ` Nummer ${index}.`;
    const before = Array.from({ length: 2000 }, (_, index) => p(paragraph(index)));
    // Every 10th paragraph edited, every 50th removed, a new one after every 100th.
    const after = before.flatMap((block, index) => {
      if (index % 50 === 49) {
        return [];
      }
      const edited = index % 10 === 3 ? p(block.text.replace(' Nummer ', ' geänderte Nummer ')) : block;
      return index % 100 === 0 ? [edited, p(`Ganz neu eingefügt nach ${index}.`)] : [edited];
    });
    const diff = diffBlocks(before, after);
    expect(diff.summary).toEqual({ wordsInserted: 200 + 20 * 5, wordsDeleted: 40 * 42, blocksChanged: 200, blocksAdded: 20, blocksRemoved: 40 });
    expect(diff.changes.filter((change) => change.type === 'changed' && !change.complete)).toHaveLength(0);
  });

  it('still pairs edited paragraphs when nearly every one changed, past the block cap', () => {
    const before = Array.from({ length: 1500 }, (_, index) => p(`Absatz ${index} über die Förderung des Radverkehrs im Kreis.`));
    const after = before.map((block) => p(block.text.replace('Radverkehrs', 'Fußverkehrs')));
    const diff = diffBlocks(before, after, { maxBlockEdits: 200, maxPairings: 10_000, lookAhead: 8, maxTokens: 6000, maxTokenEdits: 600 });
    expect(diff.summary).toEqual({ wordsInserted: 1500, wordsDeleted: 1500, blocksChanged: 1500, blocksAdded: 0, blocksRemoved: 0 });
  });

  it('gives a huge paragraph past the token cap as replaced whole, quickly', () => {
    const huge = Array.from({ length: 30_000 }, (_, index) => `Wort${index % 97}`).join(' ');
    const diff = diffBlocks([p(huge)], [p(`${huge} Ende`)]);
    const change = diff.changes[0];
    expect(change?.type).toBe('changed');
    expect(change?.type === 'changed' && change.complete).toBe(false);
    expect(diff.summary.wordsInserted).toBe(30_001);
  });
});

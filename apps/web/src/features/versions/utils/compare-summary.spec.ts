import { describe, expect, it } from '@jest/globals';
// The translator alone: the i18n index also brings the design system and its CSS.
import { createTranslator } from '../../../i18n/translate';
import { summaryText } from './compare-summary';

const none = { wordsInserted: 0, wordsDeleted: 0, blocksChanged: 0, blocksAdded: 0, blocksRemoved: 0 };

describe('summaryText()', () => {
  it('names the counts that are not zero, singular and plural, in German and English', () => {
    const counts = { ...none, wordsInserted: 1234, wordsDeleted: 1, blocksAdded: 2 };
    expect(summaryText(counts, createTranslator('de'))).toBe('1.234 Wörter eingefügt, 1 Wort gelöscht, 2 Absätze neu.');
    expect(summaryText(counts, createTranslator('en'))).toBe('1,234 words inserted, 1 word deleted, 2 paragraphs new.');
    expect(summaryText({ ...none, blocksChanged: 1, blocksRemoved: 3 }, createTranslator('de'))).toBe(
      '1 Absatz geändert, 3 Absätze entfernt.',
    );
  });

  it('says so when nothing changed', () => {
    expect(summaryText(none, createTranslator('de'))).toBe('Keine Änderungen am Text.');
  });
});

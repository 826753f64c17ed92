import { describe, expect, it } from '@jest/globals';
// The translator alone: the i18n index also brings the design system and its CSS.
import { createTranslator } from '../../../i18n/translate';
import { versionAuthor, versionTitle } from './version-label';

const de = createTranslator('de');
const en = createTranslator('en');
const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });
const formatDate = (iso: string): string => date.format(new Date(iso));
const at = '2026-03-05T10:15:00Z';

describe('versionTitle()', () => {
  it('names a saved version by its label', () => {
    expect(versionTitle({ kind: 'named', label: 'Erster Entwurf', createdAt: at }, de, formatDate)).toBe(
      'Erster Entwurf',
    );
  });

  it('names an approval by its date, with a label when the server gave one', () => {
    expect(versionTitle({ kind: 'approval', label: null, createdAt: at }, de, formatDate)).toBe(
      'Freigabe vom 05.03.2026',
    );
    expect(versionTitle({ kind: 'approval', label: 'Runde 2', createdAt: at }, de, formatDate)).toBe(
      'Freigabe vom 05.03.2026: Runde 2',
    );
    expect(versionTitle({ kind: 'approval', label: null, createdAt: at }, en, formatDate)).toBe(
      'Approval of 05.03.2026',
    );
  });

  it('still names a saved version without a label', () => {
    expect(versionTitle({ kind: 'named', label: ' ', createdAt: at }, de, formatDate)).toBe(
      'Version ohne Bezeichnung',
    );
  });
});

describe('versionAuthor()', () => {
  it('gives the name, or says the person is unknown', () => {
    expect(versionAuthor({ createdByName: 'Ali Autor' }, de)).toBe('Ali Autor');
    expect(versionAuthor({ createdByName: null }, de)).toBe('Unbekannt');
  });
});

import { describe, expect, it } from '@jest/globals';
import type { SectionVersion } from '@kapitel/domain';
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

  it('names the version kept before a restore after the restored one, as the list titles that one', () => {
    const approval = { id: 'a', kind: 'approval' as const, label: null, createdAt: at };
    const draft = { id: 'd', kind: 'named' as const, label: 'Erster Entwurf', createdAt: at };
    expect(versionTitle(kept({ restoredFrom: approval }), de, formatDate)).toBe(
      'Vor der Wiederherstellung von „Freigabe vom 05.03.2026“',
    );
    expect(versionTitle(kept({ restoredFrom: approval }), en, formatDate)).toBe(
      'Before restoring “Approval of 05.03.2026”',
    );
    expect(versionTitle(kept({ restoredFrom: draft }), en, formatDate)).toBe(
      'Before restoring “Erster Entwurf”',
    );
  });

  it('names a restore undone after what the undone restore replaced, when the list holds it', () => {
    const draft = kept({ id: 'd', label: 'Erster Entwurf' });
    const before = kept({
      id: 'b',
      restoredFrom: { id: 'd', kind: 'named', label: 'Erster Entwurf', createdAt: at },
    });
    const undone = kept({ restoredFrom: { id: 'b', kind: 'named', label: null, createdAt: at } });
    expect(versionTitle(undone, de, formatDate, [undone, before, draft])).toBe(
      // A quotation in a quotation takes the nested marks.
      'Vor der Wiederherstellung von „Vor der Wiederherstellung von ‚Erster Entwurf‘“',
    );
    // Without the list, the restored version has only its own fields: no label, no name.
    expect(versionTitle(undone, de, formatDate)).toBe(
      'Vor der Wiederherstellung von „Version ohne Bezeichnung“',
    );
  });

  it('keeps the German label that older releases stored before a restore', () => {
    expect(
      versionTitle(kept({ label: 'Vor der Wiederherstellung von „05.03.2026, 11:15“' }), en, formatDate),
    ).toBe('Vor der Wiederherstellung von „05.03.2026, 11:15“');
  });
});

/** A named version as the server lists it; by default one kept before a restore (no label). */
function kept(fields: Partial<SectionVersion>): SectionVersion {
  return {
    id: 'k',
    kind: 'named',
    label: null,
    createdAt: at,
    createdBy: null,
    createdByName: 'Ali Autor',
    restoredFrom: null,
    ...fields,
  };
}

describe('versionAuthor()', () => {
  it('gives the name, or says the account was deleted', () => {
    expect(versionAuthor({ createdByName: 'Ali Autor' }, de)).toBe('Ali Autor');
    expect(versionAuthor({ createdByName: null }, de)).toBe('Gelöschtes Konto');
  });
});

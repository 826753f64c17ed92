import { describe, expect, it } from '@jest/globals';
import { auditKindOf, type AuditLogEvent } from '@kapitel/domain';
import { createTranslator } from '../../../i18n/translate';
import { deProtocol } from '../../../i18n/de-protocol';
import { enProtocol } from '../../../i18n/en-protocol';
import { describeEvent } from './describe-event';

/**
 * Every action the server writes into a project's audit trail (grep for `action:` and
 * `this.record(` in apps/server/src/modules). Account-level ones (login, password) carry no
 * project and never reach the protocol.
 */
const PROJECT_ACTIONS = [
  'project.created',
  'project.updated',
  'project.deleted',
  'section.created',
  'section.updated',
  'section.moved',
  'section.deleted',
  'section.restored',
  'section.unassigned',
  'section.transition',
  'section.no_objections',
  'section.version_created',
  'section.version_restored',
  'section.write_rejected',
  'image.uploaded',
  'comment.created',
  'comment.edited',
  'comment.resolved',
  'comment.reopened',
  'comment.deleted',
  'member.role_changed',
  'member.removed',
  'invitation.created',
  'invitation.renewed',
  'invitation.revoked',
  'invitation.accepted',
  'export.requested',
  'export.completed',
  'export.failed',
  'export.downloaded',
  'abbreviation.created',
  'abbreviation.updated',
  'abbreviation.deleted',
  'source.created',
  'source.updated',
  'source.deleted',
  'source.imported',
];

function event(action: string, data: Record<string, unknown> = {}, extra: Partial<AuditLogEvent> = {}): AuditLogEvent {
  return {
    id: '1',
    action,
    actorId: 'u1',
    actorName: 'Lea Leitung',
    targetType: null,
    targetId: null,
    targetName: null,
    data,
    at: '2026-05-04T10:00:00.000Z',
    section: null,
    ...extra,
  };
}

const de = createTranslator('de');
const en = createTranslator('en');

describe('describeEvent', () => {
  it('has a sentence of its own for every action, in both languages, also with the content emptied (a deleted project)', () => {
    for (const t of [de, en]) {
      const fallback = t('protocol.action.unknown', { action: 'x' }).split('(')[0] ?? '';
      for (const action of PROJECT_ACTIONS) {
        const sentence = describeEvent(t, event(action));
        expect([action, sentence.startsWith(fallback)]).toEqual([action, false]);
        expect([action, /[{}]/.test(sentence)]).toEqual([action, false]);
      }
    }
  });

  it('puts the facts of the data into the sentence', () => {
    const target = { targetType: 'user', targetId: 'u2', targetName: 'Ali Autor' };
    expect(describeEvent(de, event('member.role_changed', { before: 'reader', after: 'reviewer' }, target))).toBe(
      'Rolle von Ali Autor geändert: Leserin/Leser → Prüferin/Prüfer',
    );
    expect(describeEvent(de, event('member.removed', { before: 'author' }, target))).toBe('Ali Autor aus dem Projekt entfernt');
    expect(describeEvent(de, event('member.removed', {}, { ...target, targetId: 'u1' }))).toBe('Projekt verlassen');
    expect(describeEvent(de, event('invitation.created', { email: 'rita@example.org', role: 'reviewer' }))).toBe(
      'rita@example.org als Prüferin/Prüfer eingeladen',
    );
    expect(describeEvent(de, event('invitation.revoked', {}, { targetType: 'invitation', targetName: 'rita@example.org' }))).toBe(
      'Einladung an rita@example.org zurückgezogen',
    );
    expect(describeEvent(de, event('section.transition', { action: 'approve' }))).toBe('Freigegeben');
    expect(describeEvent(de, event('section.deleted', { descendants: 2 }))).toBe('Abschnitt mit 2 Unterabschnitten in den Papierkorb gelegt');
    expect(describeEvent(de, event('section.updated', { before: { title: 'A', dueDate: null }, after: { title: 'B', dueDate: '2026-06-01' } }))).toBe(
      'Abschnitt geändert: Titel, Fälligkeit',
    );
    expect(describeEvent(de, event('section.version_created', { label: 'Stand Mai', reason: 'named' }))).toBe('Version „Stand Mai“ gespeichert');
    expect(describeEvent(de, event('comment.created', { after: { parentId: 'c1' } }))).toBe('Auf einen Kommentar geantwortet');
    expect(describeEvent(de, event('export.completed', { mode: 'final' }))).toBe('PDF-Export fertiggestellt (Endfassung)');
    expect(describeEvent(en, event('export.requested', { mode: 'draft' }))).toBe('Requested a PDF export (draft)');
  });

  it('names the source a change of the list of sources concerns by its title', () => {
    const entry = { targetType: 'source', targetId: 's1' };
    const study = { title: 'Open Source in Kommunen', authors: 'KGSt' };
    expect(describeEvent(de, event('source.created', { after: study }, entry))).toBe('Quelle „Open Source in Kommunen“ hinzugefügt');
    expect(describeEvent(de, event('source.updated', { before: study, after: { ...study, title: 'Neu' } }, entry))).toBe('Quelle „Neu“ geändert');
    expect(describeEvent(en, event('source.deleted', { before: study }, entry))).toBe('Source “Open Source in Kommunen” deleted');
    expect(describeEvent(de, event('source.deleted', {}, entry))).toBe('Quelle gelöscht');
    expect(describeEvent(de, event('source.imported', { format: 'ris', count: 12, skipped: 1 }))).toBe('12 Quellen aus einer Datei übernommen');
    expect(auditKindOf('source.created')).toBe('project');
  });

  it('names the abbreviation a change of the list of abbreviations concerns, both when it was renamed', () => {
    const entry = { targetType: 'abbreviation', targetId: 'a1' };
    const ozg = { short: 'OZG', long: 'Onlinezugangsgesetz' };
    expect(describeEvent(de, event('abbreviation.created', { after: ozg }, entry))).toBe('Abkürzung „OZG“ hinzugefügt');
    expect(describeEvent(de, event('abbreviation.updated', { before: ozg, after: { ...ozg, long: 'Onlinezugangsgesetz (2017)' } }, entry))).toBe(
      'Bedeutung der Abkürzung „OZG“ geändert',
    );
    expect(describeEvent(de, event('abbreviation.updated', { before: ozg, after: { ...ozg, short: 'OZG 2.0' } }, entry))).toBe(
      'Abkürzung „OZG“ geändert in „OZG 2.0“',
    );
    expect(describeEvent(de, event('abbreviation.deleted', { before: ozg }, entry))).toBe('Abkürzung „OZG“ gelöscht');
    expect(describeEvent(en, event('abbreviation.deleted', { before: ozg }, entry))).toBe('Abbreviation “OZG” deleted');
    // A deleted project's emptied data: no entry to name.
    expect(describeEvent(de, event('abbreviation.updated', {}, entry))).toBe('Abkürzung geändert');
  });

  it('names an action it does not know instead of saying nothing', () => {
    expect(describeEvent(de, event('section.teleported'))).toBe('Sonstige Aktion (section.teleported)');
    expect(describeEvent(en, event('user.deleted'))).toBe('Other action (user.deleted)');
  });

  it('finds a kind for every action, so that each filter shows what it promises', () => {
    expect(PROJECT_ACTIONS.filter((action) => auditKindOf(action) === null)).toEqual([]);
    expect(auditKindOf('abbreviation.updated')).toBe('project');
    expect(auditKindOf('section.write_rejected')).toBe('write_rejected');
    expect(auditKindOf('section.created')).toBe('sections');
    expect(auditKindOf('image.uploaded')).toBe('sections');
    expect(auditKindOf('invitation.accepted')).toBe('members');
    expect(auditKindOf('user.deleted')).toBeNull();
  });
});

describe('the protocol messages', () => {
  const placeholders = (text: string): string =>
    [...text.matchAll(/\{(\w+)\}/g)]
      .map((match) => match[1] ?? '')
      .sort()
      .join();

  it('use the same placeholders in German and English', () => {
    const keys = Object.keys(deProtocol) as (keyof typeof deProtocol)[];
    expect(keys.filter((key) => placeholders(deProtocol[key]) !== placeholders(enProtocol[key]))).toEqual([]);
  });
});

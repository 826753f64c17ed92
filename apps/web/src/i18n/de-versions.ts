import { deCompare } from './de-compare';

/**
 * German messages of the section's versions (save, list, view, restore), kept apart from
 * de.ts. Spread into `de`, so that they are keys of `Messages` like all others.
 */
export const deVersions = {
  // The server's answer when a restore meets a section that cannot be edited now (409).
  'error.NOT_EDITABLE': 'Der Abschnitt kann gerade nicht bearbeitet werden (in Prüfung oder freigegeben).',
  'versions.title': 'Versionen',
  'versions.intro':
    'Gespeicherte Stände dieses Textes. Bei jeder Freigabe sichert Kapitel den Text als Version.',
  'versions.field.label': 'Bezeichnung der neuen Version',
  'versions.field.labelHint': 'Zum Beispiel „Stand nach der Ausschusssitzung“. Höchstens {max} Zeichen.',
  'versions.save': 'Version speichern',
  'versions.saved': 'Gespeichert: Der aktuelle Text ist als Version „{name}“ gesichert.',
  'versions.list.title': 'Gespeicherte Versionen',
  'versions.list.empty': 'Noch keine Versionen.',
  'versions.list.name': 'Version',
  'versions.list.who': 'Wer',
  'versions.list.when': 'Wann',
  'versions.list.actions': 'Aktionen',
  'versions.approvalOf': 'Freigabe vom {date}',
  'versions.unnamed': 'Version ohne Bezeichnung',
  // The version kept just before a restore, named after the restored one.
  'versions.beforeRestore': 'Vor der Wiederherstellung von „{name}“',
  'versions.unknownAuthor': 'Unbekannt',
  'versions.open': 'Ansehen',
  'versions.open.named': 'Ansehen: {name}',
  'versions.dialog.title': 'Version: {name}',
  'versions.dialog.meta': 'Gespeichert von {who} am {when}. Nur zum Lesen.',
  'versions.dialog.metaDeleted': 'Gespeichert am {when} von einem inzwischen gelöschten Konto. Nur zum Lesen.',
  'versions.dialog.text': 'Text der Version',
  'versions.dialog.close': 'Schließen',
  'versions.emptyText': 'Diese Version enthält keinen Text.',
  'versions.image': '[Bild]',
  'versions.imageWithAlt': '[Bild: {alt}]',
  'versions.footnotes': 'Fußnoten',
  'versions.footnoteRef': 'Fußnote {number}',
  'versions.restore': 'Wiederherstellen',
  'versions.restore.question':
    'Der aktuelle Text wird als Version gesichert und durch diese Version ersetzt.',
  'versions.restore.confirm': 'Ja, wiederherstellen',
  'versions.restored':
    'Wiederhergestellt: Der Text entspricht jetzt „{name}“. Der vorherige Text ist als Version gesichert.',
  'versions.restoredByOther':
    '{name} hat eben eine frühere Version dieses Abschnitts wiederhergestellt: Der Text wurde ersetzt. Der Text davor ist unter „Versionen“ gesichert.',
  'versions.restoredBySomeone': 'Jemand',
  'versions.restoredByOther.dismiss': 'Verstanden',
  'versions.restoreBlocked.in_review':
    'Wiederherstellen ist nicht möglich, solange der Abschnitt in Prüfung ist.',
  'versions.restoreBlocked.approved':
    'Wiederherstellen ist nicht möglich, solange der Abschnitt freigegeben ist.',
  ...deCompare,
};

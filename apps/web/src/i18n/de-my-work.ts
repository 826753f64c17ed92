/**
 * German messages of the person's own work: the panel "Meine Abschnitte" and the progress on
 * the project list (features/my-work, features/projects), and the outline's filter "Nur meine
 * Abschnitte" (features/outline).
 */
export const deMyWork = {
  'myWork.title': 'Meine Abschnitte',
  'myWork.intro':
    'Was Sie schreiben und was auf Ihre Prüfung wartet, aus allen Projekten; das zuerst Fällige oben.',
  'myWork.empty': 'Ihnen ist zurzeit kein Abschnitt zugewiesen, und keiner wartet auf Ihre Prüfung.',
  'myWork.project': 'Projekt',
  'myWork.writing': 'Sie schreiben',
  'myWork.reviewing': 'Sie prüfen',
  'myWork.noDueDate': 'Ohne Fälligkeit',
  'myWork.progressEmpty': 'Noch keine Abschnitte',
  'myWork.open.none': 'Nichts für Sie offen',
  'myWork.open.one': '1 Abschnitt für Sie offen',
  'myWork.open.other': '{count} Abschnitte für Sie offen',
  'myWork.filter': 'Nur meine Abschnitte',
  'myWork.filter.shown':
    'Ihre Abschnitte: {count} von {total}. Übergeordnete Abschnitte stehen grau zur Orientierung dabei.',
  'myWork.filter.all': 'Alle Abschnitte gezeigt.',
  'myWork.filter.none':
    'In diesem Projekt ist Ihnen kein Abschnitt zugewiesen, und keiner wartet auf Ihre Prüfung.',
  'myWork.filter.showAll': 'Alle Abschnitte zeigen',
  'myWork.context': '(übergeordneter Abschnitt)',
} as const;

/**
 * German messages of the review's closure (features/review, the outline's "geprüft" badge):
 * the reviewer's "no objections", the question before a doubtful approval, the reason of a
 * reopen. The older review messages live in de.ts.
 */
export const deReview = {
  'reviewAction.no_objections': 'Keine Einwände',
  'review.noObjections.note': 'Anmerkung (optional)',
  'review.noObjections.hint':
    'Sie melden der Projektleitung: geprüft, keine Einwände. Der Status bleibt „In Prüfung“, freigeben kann nur die Projektleitung. Die Anmerkung erscheint im Verlauf.',
  'review.noObjections.submit': 'Keine Einwände melden',
  'review.noObjections.done': '„Keine Einwände“ ist vermerkt. Die Projektleitung wurde benachrichtigt.',
  'review.noObjections.title': 'Geprüft, keine Einwände',
  'review.approveCheck.question': 'Trotzdem freigeben?',
  'review.approveCheck.openComments.one': '1 offener Kommentar',
  'review.approveCheck.openComments.other': '{count} offene Kommentare',
  'review.approveCheck.noText': 'Der Abschnitt hat noch keinen Text',
  'review.approveCheck.confirm': 'Ja, freigeben',
  'review.reopen.question': 'Abschnitt wieder öffnen?',
  'review.reopen.note': 'Grund (optional)',
  'review.reopen.hint':
    'Der Abschnitt geht zurück in den Entwurf und kann wieder bearbeitet werden. Die Zuständigen werden benachrichtigt, mit dem Grund; er erscheint auch im Verlauf.',
  'review.reopen.submit': 'Ja, wieder öffnen',
  'history.unchanged': 'Status bleibt {state}',
  'outline.reviewed': 'geprüft',
  'outline.reviewedBy': 'Geprüft, keine Einwände: {names}',
} as const;

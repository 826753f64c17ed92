/**
 * German messages of the review's closure (features/review, the outline's "geprüft" badge):
 * the reviewer's "no objections", the question before a doubtful approval, the reason of a
 * reopen, withdrawing a submission, what was asked for and where a section stands. The older
 * review messages live in de.ts.
 */
export const deReview = {
  'reviewAction.no_objections': 'Keine Einwände',
  'review.noObjections.note': 'Anmerkung (optional)',
  'review.noObjections.hint':
    'Sie melden der Projektleitung: geprüft, keine Einwände. Der Status bleibt „In Prüfung“, freigeben kann nur die Projektleitung. Die Anmerkung erscheint im Verlauf.',
  'review.noObjections.submit': 'Keine Einwände melden',
  'review.noObjections.done': '„Keine Einwände“ ist vermerkt. Die Projektleitung wurde benachrichtigt.',
  'review.noObjections.title': 'Geprüft, keine Einwände',
  'review.writing': 'Gerade im Abschnitt und zum Schreiben berechtigt: {names}. Was dort noch nicht gespeichert ist, geht verloren, weil der Text danach schreibgeschützt ist.',
  'review.submitCheck.question': 'Trotzdem zur Prüfung einreichen?',
  'review.submitCheck.confirm': 'Ja, einreichen',
  'review.approveCheck.question': 'Trotzdem freigeben?',
  'review.approveCheck.openComments.one': '1 offener Kommentar',
  'review.approveCheck.openComments.other': '{count} offene Kommentare',
  'review.approveCheck.reviewerPending': '{name} hat den Abschnitt in dieser Runde noch nicht geprüft („Keine Einwände“ fehlt)',
  'review.approveCheck.reviewerPendingUnnamed': 'Die eingetragene Prüfung steht in dieser Runde noch aus („Keine Einwände“ fehlt)',
  'review.approveCheck.noText': 'Der Abschnitt hat noch keinen Text',
  'review.approveCheck.confirm': 'Ja, freigeben',
  'review.reopen.question': 'Abschnitt wieder öffnen?',
  'review.reopen.note': 'Grund (optional)',
  'review.reopen.hint':
    'Der Abschnitt geht zurück in den Entwurf und kann wieder bearbeitet werden. Die Zuständigen werden benachrichtigt, mit dem Grund; er erscheint auch im Verlauf.',
  'review.reopen.submit': 'Ja, wieder öffnen',
  'reviewAction.withdraw': 'Einreichung zurückziehen',
  'review.withdraw.question': 'Einreichung zurückziehen?',
  'review.withdraw.note': 'Grund (optional)',
  'review.withdraw.hint':
    'Der Abschnitt geht zurück in den Entwurf, und Sie können den Text wieder bearbeiten. Wer den Abschnitt prüft, wird benachrichtigt, mit dem Grund; er erscheint auch im Verlauf.',
  'review.withdraw.submit': 'Ja, zurückziehen',
  'review.request.title': 'Angeforderte Änderungen',
  'review.standing.draft':
    'Der Abschnitt ist ein Entwurf. Sobald der Text fertig ist, reichen ihn die Zuständigen zur Prüfung ein.',
  'review.standing.inReviewBy':
    'Der Abschnitt liegt bei {name} zur Prüfung. Bis zur Entscheidung ist der Text gesperrt.',
  'review.standing.inReviewByLead':
    'Der Abschnitt liegt bei der Projektleitung zur Prüfung. Bis zur Entscheidung ist der Text gesperrt.',
  'review.standing.canWithdraw':
    'Wenn Sie vorher weiterschreiben möchten, ziehen Sie die Einreichung zurück.',
  'review.standing.revise':
    'Bitte überarbeiten Sie den Text und reichen Sie ihn danach erneut zur Prüfung ein.',
  'review.standing.beingRevised':
    'Die Zuständigen überarbeiten den Abschnitt und reichen ihn danach erneut zur Prüfung ein.',
  'review.standing.approved': 'Der Abschnitt ist freigegeben. Die Projektleitung kann ihn wieder öffnen.',
  'history.unchanged': 'Status bleibt {state}',
  'outline.reviewed': 'geprüft',
  'outline.reviewedBy': 'Geprüft, keine Einwände: {names}',
} as const;

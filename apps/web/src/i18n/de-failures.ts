/** Messages for a part of the page that failed: code that could not be loaded, or an error in the app. */
export const deFailures = {
  'failure.load.title': 'Kapitel wurde aktualisiert',
  'failure.load.text':
    'Ein Teil der Anwendung konnte nicht geladen werden, meist weil Kapitel gerade aktualisiert wurde oder die Verbindung kurz unterbrochen war. Bitte laden Sie die Seite neu.',
  'failure.page.title': 'Hier ist ein Fehler aufgetreten',
  'failure.page.text':
    'Dieser Teil der Seite konnte nicht angezeigt werden. Laden Sie die Seite neu; wenn der Fehler bleibt, wenden Sie sich bitte an die Betreuung Ihrer Kapitel-Installation.',
  'failure.reload': 'Seite neu laden',
} as const;

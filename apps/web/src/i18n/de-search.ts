/** German messages of the report's search on the project page (features/search). */
export const deSearch = {
  'search.form': 'Suche im Bericht',
  'search.field': 'Im Bericht suchen',
  'search.hint':
    'Findet Abschnitte, in deren Titel oder Text jedes Wort vorkommt, und Kommentare, die jedes Wort enthalten; eine Wortfolge in Anführungszeichen genau so. Groß- und Kleinschreibung und Akzente spielen keine Rolle.',
  'search.results': 'Suchergebnisse',
  'search.submit': 'Suchen',
  'search.none': 'Keine Treffer für „{query}“.',
  'search.summary': '{hits} in {sections} für „{query}“.',
  // With comment hits too: "5 Treffer in 2 Abschnitten und 3 Kommentare für „ODF“."
  'search.summaryWithComments': '{hits} in {sections} und {comments} für „{query}“.',
  'search.summaryCommentsOnly': 'Keine Treffer in Abschnitten, aber {comments} für „{query}“.',
  'search.comments.one': '1 Kommentar',
  'search.comments.other': '{count} Kommentare',
  'search.hits.one': '1 Treffer',
  'search.hits.other': '{count} Treffer',
  'search.sections.one': '1 Abschnitt',
  'search.sections.other': '{count} Abschnitten',
  'search.more':
    'Gezeigt werden die ersten {shown} Abschnitte in der Reihenfolge der Gliederung. Ein genauerer Suchbegriff findet die übrigen.',
  'search.snippets': 'Fundstellen',
  'search.quoted': '„{word}“',
  'search.ignored':
    'Einzelne Zeichen werden nicht gesucht: {words}. In Anführungszeichen zusammen mit einem Nachbarwort zählen sie mit, etwa „Anlage 3“.',
  'search.issue.tooManyWords':
    'Bitte suchen Sie nach höchstens {max} Wörtern (eine Wortfolge in Anführungszeichen zählt als eines); hier sind es {count}.',
  'search.issue.wordsTooShort':
    'Bitte geben Sie mindestens ein Wort mit 2 oder mehr Zeichen ein; zu kurz: {words}.',
  'search.issue.nothingToFind': 'Bitte geben Sie ein Wort ein, nach dem gesucht werden soll.',
  'search.titleOnly': 'Treffer in der Überschrift.',
  'search.comments.heading': 'Kommentare',
  'search.comments.resolved': 'erledigt',
  'search.comments.more':
    'Gezeigt werden die ersten {shown} Kommentare. Ein genauerer Suchbegriff findet die übrigen.',
  // The bar above a section's text opened from a result (features/editor, search-hits-bar.tsx).
  'search.inText.label': 'Suchtreffer im Text',
  'search.inText.position': 'Suche: „{query}“ – Treffer {current} von {count}',
  'search.inText.none': 'Suche: „{query}“ – keine Treffer im Text',
  'search.inText.titleOnly': 'Suche: „{query}“ – Treffer nur in der Überschrift, nicht im Text',
  'search.inText.previous': 'Vorheriger',
  'search.inText.next': 'Nächster',
  'search.inText.clear': 'Markierung aufheben',
} as const;

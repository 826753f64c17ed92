/** German messages of the report's search on the project page (features/search). */
export const deSearch = {
  'search.form': 'Suche im Bericht',
  'search.field': 'Im Bericht suchen',
  'search.hint': 'Titel und aktueller Text aller Abschnitte außerhalb des Papierkorbs. Groß- und Kleinschreibung und Akzente spielen keine Rolle.',
  'search.results': 'Suchergebnisse',
  'search.submit': 'Suchen',
  'search.none': 'Keine Treffer für „{query}“.',
  'search.summary': '{hits} in {sections} für „{query}“.',
  'search.hits.one': '1 Treffer',
  'search.hits.other': '{count} Treffer',
  'search.sections.one': '1 Abschnitt',
  'search.sections.other': '{count} Abschnitten',
  'search.more':
    'Gezeigt werden die ersten {shown} Abschnitte in der Reihenfolge der Gliederung. Ein genauerer Suchbegriff findet die übrigen.',
  'search.snippets': 'Fundstellen',
  'search.titleOnly': 'Treffer in der Überschrift.',
} as const;

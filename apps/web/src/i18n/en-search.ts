import type { deSearch } from './de-search';

/** English messages of the report's search: exactly the German keys. */
export const enSearch: Record<keyof typeof deSearch, string> = {
  'search.form': 'Search in the report',
  'search.field': 'Search the report',
  'search.hint':
    'Finds sections whose title or text contains every word, and comments that contain every word; a phrase in quotes exactly as typed. Upper and lower case and accents do not matter.',
  'search.results': 'Search results',
  'search.submit': 'Search',
  'search.none': 'No matches for “{query}”.',
  'search.summary': '{hits} in {sections} for “{query}”.',
  'search.summaryWithComments': '{hits} in {sections} and {comments} for “{query}”.',
  'search.summaryCommentsOnly': 'No matches in sections, but {comments} for “{query}”.',
  'search.comments.one': '1 comment',
  'search.comments.other': '{count} comments',
  'search.hits.one': '1 match',
  'search.hits.other': '{count} matches',
  'search.sections.one': '1 section',
  'search.sections.other': '{count} sections',
  'search.more':
    'Showing the first {shown} sections in outline order. A more precise search term finds the others.',
  'search.snippets': 'Passages',
  'search.quoted': '“{word}”',
  'search.ignored':
    'Single characters are not searched for: {words}. In quotes together with a neighbouring word they count, as in “Annex 3”.',
  'search.issue.tooManyWords':
    'Please search for at most {max} words (a phrase in quotes counts as one); this has {count}.',
  'search.issue.wordsTooShort': 'Please enter at least one word of 2 or more characters; too short: {words}.',
  'search.issue.nothingToFind': 'Please enter a word to search for.',
  'search.comments.heading': 'Comments',
  'search.comments.resolved': 'resolved',
  'search.comments.more': 'Showing the first {shown} comments. A more precise search term finds the others.',
  'search.titleOnly': 'Match in the title.',
  'search.inText.label': 'Search matches in the text',
  'search.inText.position': 'Search: “{query}” – match {current} of {count}',
  'search.inText.none': 'Search: “{query}” – no matches in the text',
  'search.inText.titleOnly': 'Search: “{query}” – matches only in the heading, not in the text',
  'search.inText.previous': 'Previous',
  'search.inText.next': 'Next',
  'search.inText.clear': 'Remove highlighting',
};

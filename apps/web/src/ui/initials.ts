/**
 * Lower-case name particles: "Ursula von der Leyen" is "UL", as her surname is filed under L.
 * Only these exact lower-case words count, so a surname such as "Van" or "Zur" is kept.
 */
const PARTICLES = new Set([
  'von',
  'vom',
  'van',
  'zu',
  'zum',
  'zur',
  'der',
  'den',
  'des',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'ten',
  'ter',
]);

/** A word's first letter with its accents ("Ö" typed as O and a combining diaeresis stays one letter). */
function firstLetter(word: string): string {
  return /\p{L}\p{M}*/u.exec(word)?.[0] ?? '';
}

/** The words of a name that carry letters, without leading titles ("Dr.", "Prof."). */
function wordsOf(name: string): string[] {
  let text = name.normalize('NFC').trim();
  // "Demir-Schulz, Aylin": a list's surname-first form.
  const comma = text.indexOf(',');
  if (comma > 0) {
    text = `${text.slice(comma + 1)} ${text.slice(0, comma)}`;
  }
  const words = text.split(/\s+/u).filter((word) => /\p{L}/u.test(word));
  while (words.length > 1 && words[0]?.endsWith('.')) {
    words.shift();
  }
  return words;
}

/**
 * One or two letters for an avatar: the first letters of the first name and of the surname.
 * A hyphenated surname counts by its first part ("Aylin Demir-Schulz" is "AD"), particles do
 * not count ("Ludwig van Beethoven" is "LB"). A single name gives its first two letters, or
 * those of its parts when hyphenated ("Özlem" is "ÖZ", "Anna-Lena" "AL"); no letters give "?".
 */
export function initialsOf(name: string): string {
  const words = wordsOf(name);
  const first = words[0];
  if (first === undefined) {
    return '?';
  }
  let initials: string;
  if (words.length > 1) {
    const rest = words.slice(1);
    const surname = rest.filter((word) => !PARTICLES.has(word)).at(-1) ?? rest.at(-1) ?? '';
    initials = firstLetter(first) + firstLetter(surname);
  } else {
    const parts = first.split('-').filter((part) => firstLetter(part) !== '');
    initials =
      parts.length > 1
        ? parts.slice(0, 2).map(firstLetter).join('')
        : (first.match(/\p{L}\p{M}*/gu) ?? []).slice(0, 2).join('');
  }
  return initials.toLocaleUpperCase('de-DE');
}

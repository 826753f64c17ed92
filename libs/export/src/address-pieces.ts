// The marks of an address before which its line may end: the next line then begins with the
// mark and so reads as the address going on.
const ADDRESS_MARKS = new Set(['/', '.', '?', '#', '&', '=', '_', '~', '%', '@']);
/** A stretch of an address longer than this without a mark or hyphen is cut after every so many characters. */
const ADDRESS_STRETCH = 24;

/**
 * A web address cut where its line may end: after the `//` of its scheme, before each mark
 * (`/`, `.`, `?`, `&`, `=` ...; not inside `//` or `__`) and inside stretches without one
 * longer than ADDRESS_STRETCH (a hyphen ends a stretch: a line may end after it anyway).
 * Joined, the pieces are the address; the template sets a break opportunity between them
 * that prints nothing.
 */
export function addressPieces(address: string): string[] {
  const chars = Array.from(address);
  const out: string[] = [];
  let piece = '';
  let stretch = 0;
  chars.forEach((char, index) => {
    const before = chars[index - 1] ?? '';
    const afterScheme = piece.endsWith('://');
    const atMark = ADDRESS_MARKS.has(char) && before !== ':' && !ADDRESS_MARKS.has(before);
    if (index > 0 && (afterScheme || atMark || stretch === ADDRESS_STRETCH)) {
      out.push(piece);
      piece = '';
      stretch = 0;
    }
    stretch = before === '-' ? 1 : stretch + 1;
    piece += char;
  });
  return piece === '' ? out : [...out, piece];
}

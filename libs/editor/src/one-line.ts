/**
 * Text kept in a node's attribute (a footnote, a caption, a remembered title) as stored: one
 * line of plain text, its runs of white space made one space, cut at `max` characters; '' for
 * anything that is not a string (an attribute from an old or hostile client).
 */
export function oneLine(raw: unknown, max: number): string {
  return typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim().slice(0, max) : '';
}

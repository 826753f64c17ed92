import type { ReportAbbreviation } from './model.js';
import type { Pieces } from './render-data.js';

/** One line of the list of abbreviations as the template sets it: the abbreviation and what it stands for. */
export interface RenderAbbreviation {
  s: Pieces;
  l: Pieces;
}

/**
 * The report's list of abbreviations ("Abkürzungsverzeichnis") as render data: in the model's
 * order (the server sorts it as the web shows it), every text cleaned and split into pieces like
 * the sections' words. An entry whose abbreviation is blank once cleaned has nothing to list and
 * is left out; an empty list prints no heading at all.
 */
export function abbreviationEntries(
  list: ReportAbbreviation[] | undefined,
  pieces: (text: string) => Pieces,
): RenderAbbreviation[] {
  const entries: RenderAbbreviation[] = [];
  for (const entry of Array.isArray(list) ? list : []) {
    const short = typeof entry?.short === 'string' ? entry.short.trim() : '';
    const long = typeof entry?.long === 'string' ? entry.long.trim() : '';
    const s = pieces(short);
    // Blank: spaces and invisible break opportunities (U+200B) only.
    if (s.every((piece) => typeof piece === 'string' && piece.replace(/\u200B/g, '').trim() === '')) {
      continue;
    }
    entries.push({ s, l: pieces(long) });
  }
  return entries;
}

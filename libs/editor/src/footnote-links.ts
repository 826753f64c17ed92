import { isAllowedHref } from './links.js';

/**
 * A piece of a footnote's text: words as they are, or a web address written in them with
 * the target it leads to. The `text` of all parts, joined, is the footnote's text again.
 */
export type FootnotePart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Where an address may begin: a scheme, "www." or an explicit "mailto:". Not inside a word or
// another address ("xhttps://", "user@www.…", ".../www.…"); after an opening bracket or quote it may.
const START = /(?<![\p{L}\p{N}\p{M}@./_~%+=&#-])(?:https?:\/\/|www\.|mailto:)/giu;

// What ends an address: space, control and invisible format characters, and the characters
// that never stand in a written address but around it (angle brackets, quotes of any kind).
const STOP = /[\s\p{Cc}\p{Cf}<>"`„“”‚‘’»«‹›]/u;

// Punctuation that closes the sentence or the clause rather than the address.
const TRAILING = /[.,;:!?'…*]$/u;

const CLOSING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

// A host after "www.": at least one more label and a top-level domain ("www.bsi.bund.de").
const WWW_HOST = /^www\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}\p{N}]{2,}(?=$|[/?#:])/iu;

// An explicit address to write to, nothing more: no headers or body (`?subject=…`) ride along.
const MAILTO = /^mailto:[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/iu;

/** How many times `char` occurs in `text`. */
function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * `candidate` without what follows it in the sentence: a final period, comma and the like,
 * and a closing bracket that has no opening one inside the address (it closes a bracket
 * opened before it, as in "(siehe https://example.org)").
 */
function trimmed(candidate: string): string {
  let text = candidate;
  for (;;) {
    const last = text.slice(-1);
    const opening = CLOSING[last];
    if (TRAILING.test(text)) {
      text = text.slice(0, -1);
    } else if (opening !== undefined && count(text, last) > count(text, opening)) {
      text = text.slice(0, -1);
    } else {
      return text;
    }
  }
}

/** The target of the written address `text`, or null when it is not one that may become a link. */
function targetOf(text: string): string | null {
  const lower = text.toLowerCase();
  if (lower.startsWith('mailto:')) {
    return MAILTO.test(text) && isAllowedHref(text) ? text : null;
  }
  if (lower.startsWith('www.') && !WWW_HOST.test(text)) {
    return null;
  }
  const written = lower.startsWith('www.') ? `https://${text}` : text;
  if (!isAllowedHref(written)) {
    return null;
  }
  const url = new URL(written);
  // The parsed form: umlauts in the path percent-encoded and the host in ASCII, as a PDF's
  // link and a browser's address bar both need.
  return /^[a-z0-9]/i.test(url.hostname) ? url.href : null;
}

/**
 * Splits a footnote's text into words and web addresses: `http://` and `https://` URLs,
 * addresses beginning with `www.` (which lead to https) and explicit `mailto:` addresses.
 * An address ends at a space or a quote and leaves out what ends the sentence around it
 * (a final period or comma, a closing bracket opened before it); umlauts in its path stay
 * part of it. Only what `isAllowedHref` accepts becomes a link: nothing else is guessed
 * (no `javascript:`, no bare e-mail addresses or domains).
 */
export function footnoteParts(text: string): FootnotePart[] {
  const parts: FootnotePart[] = [];
  let plainFrom = 0;
  const addText = (end: number): void => {
    if (end > plainFrom) {
      parts.push({ kind: 'text', text: text.slice(plainFrom, end) });
    }
  };
  // Its own copy: a global expression keeps its position between calls.
  const start = new RegExp(START.source, START.flags);
  for (let match = start.exec(text); match !== null; match = start.exec(text)) {
    const from = match.index;
    let to = from + match[0].length;
    while (to < text.length && !STOP.test(text.charAt(to))) {
      to += 1;
    }
    const written = trimmed(text.slice(from, to));
    const href = written.length > match[0].length ? targetOf(written) : null;
    if (href === null) {
      // Not an address: search on behind the word that looked like its start.
      start.lastIndex = from + match[0].length;
      continue;
    }
    addText(from);
    parts.push({ kind: 'link', text: written, href });
    plainFrom = from + written.length;
    start.lastIndex = plainFrom;
  }
  addText(text.length);
  return parts;
}

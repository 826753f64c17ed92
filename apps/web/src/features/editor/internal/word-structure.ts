import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * Lists and footnotes in HTML pasted from Word or LibreOffice Writer, made into the editor's
 * own. Word's clipboard HTML has no list elements: each item is a paragraph styled
 * `mso-list:l0 level1 lfo1` whose number or bullet is typed text in a span styled
 * `mso-list:Ignore`; and a footnote is a link "[1]" to a paragraph at the end of the HTML.
 * Pasted as they are, the list became paragraphs starting "1." and the footnote a "[1]" with
 * its text as the last paragraph, printed so in the PDF.
 */

/** The number or letter of an ordered item ("1.", "a)", "iv.", "(2)"); anything else is a bullet. */
const ORDERED_MARKER = /^\(?(\d+|[a-z]|[ivxlcdm]+)[.)]$/i;

/** `style`'s Word list: its id and level, or null for a paragraph that is no list item. */
function listStyle(element: Element): { list: string; level: number } | null {
  const style = element.getAttribute('style') ?? '';
  const match = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
  return match === null ? null : { list: match[1] ?? '', level: Math.min(Math.max(Number(match[2]), 1), 9) };
}

/** The next element after `element` among its siblings, skipping white space and comments. */
function nextElement(element: Element): Element | null {
  let node = element.nextSibling;
  while (node !== null && node.nodeType !== Node.ELEMENT_NODE) {
    if (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '') {
      return null;
    }
    node = node.nextSibling;
  }
  return node as Element | null;
}

/** Takes the typed marker out of a Word list paragraph; returns it ("1.", "·", "–"). */
function takeMarker(paragraph: Element): string {
  const marker = [...paragraph.querySelectorAll('span')].find((span) => /mso-list:\s*ignore/i.test(span.getAttribute('style') ?? ''));
  if (marker === undefined) {
    return '';
  }
  const text = (marker.textContent ?? '').replace(/\u00A0/g, ' ').trim();
  marker.remove();
  return text;
}

interface OpenList {
  element: HTMLOListElement | HTMLUListElement;
  level: number;
  list: string;
}

/** One run of Word list paragraphs, from `first` on, as nested lists in its place. */
function convertRun(first: Element): Element | null {
  const doc = first.ownerDocument;
  const open: OpenList[] = [];
  let paragraph: Element | null = first;
  let top: OpenList | null = null;
  let last: Element | null = null;
  while (paragraph !== null) {
    const style = listStyle(paragraph);
    if (style === null) {
      break;
    }
    while (open.length > 0 && (open.at(-1)?.level ?? 0) > style.level) {
      open.pop();
    }
    let current = open.at(-1);
    // Another list of the document at the top level, or an item above the run's first level,
    // starts a run of its own.
    if (current === undefined ? top !== null : current.level === style.level && current.list !== style.list && open.length === 1) {
      break;
    }
    const following = nextElement(paragraph);
    const marker = takeMarker(paragraph);
    if (current === undefined || current.level < style.level) {
      const ordered = ORDERED_MARKER.exec(marker);
      const element = doc.createElement(ordered === null ? 'ul' : 'ol');
      const start = ordered === null ? NaN : Number(ordered[1]);
      if (Number.isInteger(start) && start > 1) {
        element.setAttribute('start', String(start));
      }
      const parentItem = current?.element.lastElementChild;
      if (parentItem) {
        parentItem.append(element);
      } else {
        paragraph.before(element);
      }
      current = { element, level: style.level, list: style.list };
      open.push(current);
      top ??= current;
    }
    const item = doc.createElement('li');
    const content = doc.createElement('p');
    content.append(...paragraph.childNodes);
    item.append(content);
    current.element.append(item);
    last = paragraph;
    paragraph.remove();
    paragraph = following;
  }
  return last === null ? null : (top?.element ?? null);
}

/** Makes every run of Word list paragraphs in `body` into lists; true when there was one. */
function makeLists(body: HTMLElement): boolean {
  let changed = false;
  // One pass: a run takes its paragraphs out of the page, so a later one of them is skipped;
  // one a run left (another list starts there) begins the next run.
  for (const paragraph of [...body.querySelectorAll('p')]) {
    if (paragraph.isConnected && listStyle(paragraph) !== null && convertRun(paragraph) !== null) {
      changed = true;
    }
  }
  return changed;
}

/**
 * The container of a footnote's (or endnote's) text that `name` (the target of a reference's
 * link) stands in: Word's `<div style="mso-element:footnote" id="ftn1">`, Writer's
 * `<div id="sdfootnote1">`. Null when the link leads anywhere else.
 */
function noteContainer(body: HTMLElement, name: string): Element | null {
  const target = [...body.querySelectorAll('a[name]')].find((anchor) => anchor.getAttribute('name') === name);
  const container = target?.closest('div');
  if (!container) {
    return null;
  }
  const style = container.getAttribute('style') ?? '';
  return /mso-element:\s*(foot|end)note(?!-)/i.test(style) || /^sd(foot|end)note\d+$/.test(container.id) ? container : null;
}

/** The words of a footnote's container without its own number. */
function noteText(container: Element): string {
  const copy = container.cloneNode(true) as Element;
  copy.querySelectorAll('a[href]').forEach((anchor) => {
    if (/^#(_ftnref|_ednref|sd(foot|end)note\d+anc)/.test(anchor.getAttribute('href') ?? '')) {
      anchor.remove();
    }
  });
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Makes each footnote reference of `body` a footnote holding its text; true when there was one. */
function makeFootnotes(body: HTMLElement): boolean {
  const containers = new Set<Element>();
  for (const anchor of [...body.querySelectorAll('a[href^="#"]')]) {
    const container = noteContainer(body, (anchor.getAttribute('href') ?? '').slice(1));
    if (container === null || container.contains(anchor)) {
      continue;
    }
    const note = body.ownerDocument.createElement('span');
    note.setAttribute('data-footnote', noteText(container));
    anchor.replaceWith(note);
    containers.add(container);
  }
  containers.forEach((container) => {
    // Word's list of notes (with its rule) around them goes too; Writer's notes stand alone.
    const list = container.parentElement?.closest('div[style*="footnote-list" i], div[style*="endnote-list" i]');
    (list ?? container).remove();
  });
  return containers.size > 0;
}

/** Pasted HTML with Word's and Writer's lists and footnotes as the editor's; other HTML as it is. */
export function wordStructure(html: string): string {
  if (!/mso-list|_ftn|_edn|sdfootnote|sdendnote/i.test(html)) {
    return html;
  }
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  const notes = makeFootnotes(body);
  const lists = makeLists(body);
  return notes || lists ? body.innerHTML : html;
}

/** Applies wordStructure() to what is pasted or dropped as HTML. */
export const WordStructure = Extension.create({
  name: 'wordStructure',

  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('wordStructure'), props: { transformPastedHTML: wordStructure } })];
  },
});

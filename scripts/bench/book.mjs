// A long section for the cold-load measurement: ~2,000 characters per page, written the way
// several people write (interleaved authors, later insertions, some deletions), so that the
// Yjs state has the item structure of a real document rather than one long string.
import * as Y from 'yjs';

const WORDS = (
  'die der das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat ' +
  'dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis ' +
  'Bericht Ergebnis Erhebung Maßnahme Projekt Kapitel Abschnitt Untersuchung Verfahren Zusammenhang Entwicklung ' +
  'Auswertung Grundlage Vergleich Anteil Zeitraum Gemeinde Verwaltung Förderung Beteiligung Stichprobe Tabelle ' +
  'deutlich erheblich wesentlich gering höher niedriger jährlich regional insgesamt bisher zunächst schließlich'
).split(' ');
const CHARS_PER_PAGE = 2000;
const AUTHORS = [101, 202, 303, 404, 505, 606];

/** A small deterministic PRNG (mulberry32), so every run measures the same document. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {() => number} rand */
export function sentence(rand) {
  const count = 8 + Math.floor(rand() * 12);
  const words = Array.from({ length: count }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}. `;
}

/**
 * Builds the document; returns it with its size in characters.
 * @param {number} pages
 * @returns {{ doc: Y.Doc, chars: number, paragraphs: number }}
 */
export function makeBook(pages) {
  const rand = random(20240611);
  const doc = new Y.Doc({ gc: true });
  const fragment = doc.getXmlFragment('default');
  const target = pages * CHARS_PER_PAGE;
  let chars = 0;
  /** @type {Y.XmlText[]} */
  const texts = [];
  const as = (author, change) => {
    // Yjs takes the client id of new items from doc.clientID: switching it between
    // transactions gives the items of several writers.
    doc.clientID = author;
    doc.transact(change);
  };
  while (chars < target) {
    const author = AUTHORS[Math.floor(rand() * AUTHORS.length)];
    if (texts.length % 25 === 0) {
      as(author, () => {
        const heading = new Y.XmlElement('heading');
        heading.setAttribute('level', /** @type {any} */ (2));
        const title = `Kapitel ${texts.length / 25 + 1}`;
        heading.insert(0, [new Y.XmlText(title)]);
        fragment.push([heading]);
        chars += title.length;
      });
    }
    const text = new Y.XmlText('');
    as(author, () => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [text]);
      fragment.push([paragraph]);
    });
    texts.push(text);
    const sentences = 3 + Math.floor(rand() * 4);
    for (let i = 0; i < sentences; i++) {
      const writer = rand() < 0.7 ? author : AUTHORS[Math.floor(rand() * AUTHORS.length)];
      const s = sentence(rand);
      as(writer, () => text.insert(text.length, s));
      chars += s.length;
    }
    if (texts.length > 3 && rand() < 0.15) {
      // A later insertion into an earlier paragraph, and now and then a deleted word.
      const earlier = texts[Math.floor(rand() * (texts.length - 1))];
      const s = sentence(rand);
      as(AUTHORS[Math.floor(rand() * AUTHORS.length)], () => earlier.insert(Math.floor(rand() * earlier.length), s));
      chars += s.length;
      if (earlier.length > 40 && rand() < 0.5) {
        const at = Math.floor(rand() * (earlier.length - 20));
        as(AUTHORS[Math.floor(rand() * AUTHORS.length)], () => earlier.delete(at, 7));
        chars -= 7;
      }
    }
  }
  doc.clientID = AUTHORS.length + 1000;
  return { doc, chars, paragraphs: fragment.length };
}

/** Characters in all paragraphs and headings of a document. */
export function charsOf(doc) {
  let chars = 0;
  for (const node of doc.getXmlFragment('default').toArray()) {
    if (node instanceof Y.XmlElement) {
      for (const child of node.toArray()) {
        if (child instanceof Y.XmlText) {
          chars += child.length;
        }
      }
    }
  }
  return chars;
}

import fc from 'fast-check';
import * as Y from 'yjs';
import { createAnchor, decodeAnchorPosition, resolveAnchor, restoredAnchor, type EncodedAnchor } from './anchors.js';

/** The original text uses each character once, so a surviving character is known by itself. */
const ORIGINAL = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Inserted text comes from an alphabet the original text does not use. */
const INSERTED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A section document with one paragraph holding `content`. */
function docWith(content: string): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText(content);
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return { doc, text };
}

function textOf(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

/** What the anchor covers in `doc` now (null when detached). */
function covered(doc: Y.Doc, anchor: EncodedAnchor): string | null {
  const resolved = resolveAnchor(doc, anchor);
  return resolved === 'detached' ? null : resolved.text.toJSON().slice(resolved.start, resolved.end);
}

describe('comment anchors', () => {
  it('cover the same characters when text is typed before, after and inside the range', () => {
    const { doc, text } = docWith('Die Stadt betreibt Server.');
    const anchor = createAnchor(text, 4, 9);
    expect(covered(doc, anchor)).toBe('Stadt');
    text.insert(4, 'kleine ');
    text.insert(16, '!');
    expect(text.toJSON()).toBe('Die kleine Stadt! betreibt Server.');
    expect(covered(doc, anchor)).toBe('Stadt');
    text.insert(13, 'XX');
    expect(covered(doc, anchor)).toBe('StXXadt');
  });

  it('shrink when part of the range is deleted and are detached when all of it is', () => {
    const { doc, text } = docWith('Die Stadt betreibt Server.');
    const anchor = createAnchor(text, 4, 9);
    text.delete(3, 3);
    expect(covered(doc, anchor)).toBe('adt');
    text.delete(0, 7);
    expect(text.toJSON()).toBe('betreibt Server.');
    expect(covered(doc, anchor)).toBeNull();
  });

  it('come back anew after an undo of their deletion, in the document that undid it, for the others to take', () => {
    const { doc, text } = docWith('Die Stadt betreibt Server.');
    const anchor = createAnchor(text, 4, 9);
    expect(restoredAnchor(doc, anchor)).toBeNull();
    const undo = new Y.UndoManager(doc.getXmlFragment('default'));
    text.delete(4, 5);
    expect(covered(doc, anchor)).toBeNull();
    undo.undo();
    expect(text.toJSON()).toBe('Die Stadt betreibt Server.');
    // Another document receives the restored text but not the link from the old characters.
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(covered(other, anchor)).toBeNull();
    const moved = restoredAnchor(doc, anchor);
    expect(moved).not.toBeNull();
    expect(covered(other, moved as EncodedAnchor)).toBe('Stadt');
    expect(restoredAnchor(other, anchor)).toBeNull();
  });

  it('are detached when their paragraph is deleted or the document never saw them', () => {
    const { doc, text } = docWith('Absatz');
    const anchor = createAnchor(text, 0, 6);
    expect(covered(new Y.Doc(), anchor)).toBeNull();
    doc.getXmlFragment('default').delete(0, 1);
    expect(covered(doc, anchor)).toBeNull();
  });

  it('refuse an empty or out-of-bounds range', () => {
    const { text } = docWith('abc');
    expect(() => createAnchor(text, 1, 1)).toThrow(RangeError);
    expect(() => createAnchor(text, 0, 4)).toThrow(RangeError);
    expect(() => createAnchor(text, -1, 2)).toThrow(RangeError);
  });

  it('decode only base64 relative positions in canonical form', () => {
    const { text } = docWith('abc');
    const anchor = createAnchor(text, 0, 3);
    expect(decodeAnchorPosition(anchor.start)).not.toBeNull();
    expect(decodeAnchorPosition(anchor.end)).not.toBeNull();
    const bytes = Uint8Array.from(atob(anchor.start), (c) => c.charCodeAt(0));
    const withTrailing = btoa(String.fromCharCode(...bytes, 7));
    for (const bad of ['', 'not base64!', 'AAAA', '////', withTrailing, anchor.start.replace(/=+$/, '')]) {
      expect(decodeAnchorPosition(bad)).toBeNull();
    }
  });

  it('keep covering the surviving original characters through random concurrent edits in any order', () => {
    const docCount = fc.integer({ min: 2, max: 4 });
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), doc: fc.nat(), at: fc.nat(), text: fc.stringMatching(/^[A-Z]{1,4}$/) }),
      fc.record({ kind: fc.constant('delete' as const), doc: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('deliver' as const), from: fc.nat(), to: fc.nat(), pick: fc.nat() }),
    );
    const range = fc.tuple(fc.nat(), fc.nat());
    fc.assert(
      fc.property(
        docCount,
        fc.integer({ min: 1, max: ORIGINAL.length }),
        fc.array(range, { minLength: 1, maxLength: 6 }),
        fc.array(edit, { maxLength: 60 }),
        (count, length, ranges, edits) => {
          const original = ORIGINAL.slice(0, length);
          const first = docWith(original);
          const docs = [first.doc];
          for (let i = 1; i < count; i += 1) {
            const doc = new Y.Doc();
            Y.applyUpdate(doc, Y.encodeStateAsUpdate(first.doc));
            docs.push(doc);
          }
          // queues[from][to]: updates made on `from` that `to` has not received yet.
          const queues = docs.map(() => docs.map((): Uint8Array[] => []));
          docs.forEach((doc, from) => {
            doc.on('update', (update: Uint8Array, origin: unknown) => {
              if (origin !== 'remote') {
                queues[from]?.forEach((queue, to) => to !== from && queue.push(update));
              }
            });
          });
          const anchors = ranges.map(([a, b]) => {
            const start = a % length;
            const end = start + 1 + (b % (length - start));
            return { start, end, anchor: createAnchor(textOf(docs[a % count]), start, end) };
          });
          const deliver = (from: number, to: number, pick: number): void => {
            const queue = queues[from]?.[to] ?? [];
            const [update] = queue.splice(pick % queue.length, 1);
            if (update) {
              Y.applyUpdate(docs[to], update, 'remote');
            }
          };
          for (const step of edits) {
            if (step.kind === 'deliver') {
              deliver(step.from % count, step.to % count, step.pick);
              continue;
            }
            const text = textOf(docs[step.doc % count]);
            if (step.kind === 'insert') {
              text.insert(step.at % (text.length + 1), step.text);
            } else if (text.length > 0) {
              const at = step.at % text.length;
              text.delete(at, Math.min(step.length, text.length - at));
            }
          }
          // Everything left is delivered newest first: Yjs must cope with any order.
          queues.forEach((row, from) =>
            row.forEach((queue, to) => {
              while (queue.length > 0) {
                deliver(from, to, queue.length - 1);
              }
            }),
          );
          const final = textOf(first.doc).toJSON();
          for (const doc of docs) {
            expect(textOf(doc).toJSON()).toBe(final);
          }
          for (const { start, end, anchor } of anchors) {
            const surviving = [...original.slice(start, end)].filter((c) => final.includes(c)).join('');
            for (const doc of docs) {
              const range = covered(doc, anchor);
              if (range === null) {
                expect({ surviving }).toEqual({ surviving: '' });
              } else {
                // An attached anchor always covers something: an emptied range is reported detached.
                expect(range.length).toBeGreaterThan(0);
                const withoutInserted = [...range].filter((c) => !INSERTED.includes(c)).join('');
                expect(withoutInserted).toBe(surviving);
              }
            }
          }
          docs.forEach((doc) => doc.destroy());
        },
      ),
      { numRuns: 300 },
    );
  });
});

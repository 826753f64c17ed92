import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { disjointClients, joinAllButEach, splitUpdate, type UpdateSections } from './splice.js';

/** One edit a client makes, chosen to reach every kind of struct content Yjs writes. */
type Edit =
  | { kind: 'paragraph'; at: number; text: string; level: number }
  | { kind: 'type'; at: number; text: string }
  | { kind: 'format'; at: number; length: number }
  | { kind: 'embed'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'attribute'; key: number; value: unknown }
  | { kind: 'list'; values: unknown[] }
  | { kind: 'binary'; bytes: Uint8Array }
  | { kind: 'subdocument' };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('paragraph' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }), level: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }) }),
  fc.record({ kind: fc.constant('format' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('embed' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('attribute' as const), key: fc.nat(3), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('list' as const), values: fc.array(fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('binary' as const), bytes: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ kind: fc.constant('subdocument' as const) }),
);

function firstText(doc: Y.Doc): Y.XmlText | null {
  const first = doc.getXmlFragment('default').get(0);
  return first instanceof Y.XmlElement && first.get(0) instanceof Y.XmlText ? (first.get(0) as Y.XmlText) : null;
}

function apply(doc: Y.Doc, edit: Edit): void {
  const fragment = doc.getXmlFragment('default');
  const text = firstText(doc);
  switch (edit.kind) {
    case 'paragraph': {
      const paragraph = new Y.XmlElement(edit.level > 1 ? 'heading' : 'paragraph');
      paragraph.setAttribute('level', String(edit.level));
      paragraph.insert(0, [new Y.XmlText(edit.text)]);
      fragment.insert(edit.at % (fragment.length + 1), [paragraph]);
      return;
    }
    case 'type':
      text?.insert(edit.at % (text.length + 1), edit.text, edit.text.length % 2 === 0 ? { bold: true } : undefined);
      return;
    case 'format':
      text?.format(edit.at % (text.length + 1), edit.length, { italic: true });
      return;
    case 'embed':
      text?.insertEmbed(edit.at % (text.length + 1), { image: 'bild.png' });
      return;
    case 'delete':
      if (text && text.length > 0) {
        const at = edit.at % text.length;
        text.delete(at, Math.min(edit.length, text.length - at));
      } else if (fragment.length > 0) {
        fragment.delete(edit.at % fragment.length, 1);
      }
      return;
    case 'attribute':
      doc.getMap('meta').set(`key${edit.key}`, edit.value);
      return;
    case 'list':
      doc.getArray('list').push(edit.values);
      return;
    case 'binary':
      doc.getArray('list').push([edit.bytes]);
      return;
    case 'subdocument':
      doc.getMap('meta').set('attachment', new Y.Doc());
      return;
  }
}

/** A shared start, then k clients (distinct Yjs client ids) each editing on their own. */
function tick(base: Edit[], perClient: Edit[][]): { start: Uint8Array; updates: Uint8Array[] } {
  const origin = new Y.Doc();
  base.forEach((edit) => apply(origin, edit));
  const start = Y.encodeStateAsUpdate(origin);
  const updates = perClient.map((edits) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, start);
    const before = Y.encodeStateVector(doc);
    edits.forEach((edit) => apply(doc, edit));
    return Y.encodeStateAsUpdate(doc, before);
  });
  return { start, updates };
}

function docOf(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  updates.forEach((update) => Y.applyUpdate(doc, update));
  return doc;
}

function sameDocument(a: Y.Doc, b: Y.Doc): boolean {
  return (
    Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b)) &&
    a.getXmlFragment('default').toJSON() === b.getXmlFragment('default').toJSON() &&
    canonical(a.getArray('list').toJSON()) === canonical(b.getArray('list').toJSON()) &&
    canonical(a.getMap('meta').toJSON()) === canonical(b.getMap('meta').toJSON())
  );
}

/** JSON with a map's keys sorted (their order follows arrival) and sub-documents by guid. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Y.Doc) {
      return `doc:${inner.guid}`;
    }
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y)));
    }
    return inner;
  });
}

function sectionsOf(updates: readonly Uint8Array[]): UpdateSections[] {
  return updates.map((update) => {
    const sections = splitUpdate(update);
    if (sections === null) {
      throw new Error('a Yjs update could not be split');
    }
    return sections;
  });
}

describe('joinAllButEach()', () => {
  it('gives each sender exactly what merging the other senders’ updates gives', () => {
    fc.assert(
      fc.property(
        fc.array(editArb, { maxLength: 8 }),
        fc.array(fc.array(editArb, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 6 }),
        (base, perClient) => {
          const { start, updates } = tick(base, perClient);
          const joined = joinAllButEach(sectionsOf(updates));
          updates.forEach((own, i) => {
            const others = updates.filter((_, j) => j !== i);
            expect(sameDocument(docOf(start, own, joined[i]), docOf(start, own, Y.mergeUpdates(others)))).toBe(true);
          });
          // And each has every struct of the tick. (Contents are compared above only: Yjs's
          // cleanup of formatting marks depends on the order updates are applied in.)
          const everything = Y.encodeStateVector(docOf(start, ...updates));
          joined.forEach((rest, i) => expect(Y.encodeStateVector(docOf(start, updates[i], rest))).toEqual(everything));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('joins updates that only delete', () => {
    const { start, updates } = tick(
      [{ kind: 'paragraph', at: 0, text: 'Hallo Welt', level: 1 }],
      [[{ kind: 'delete', at: 0, length: 2 }], [{ kind: 'delete', at: 6, length: 3 }], [{ kind: 'type', at: 5, text: ',' }]],
    );
    const joined = joinAllButEach(sectionsOf(updates));
    expect(docOf(start, updates[2], joined[2]).getXmlFragment('default').toJSON()).toBe('<paragraph level="1">llo, t</paragraph>');
  });
});

describe('splitUpdate()', () => {
  it('cuts every update Yjs writes', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 10 }), (edits) => {
        const doc = new Y.Doc();
        edits.forEach((edit) => apply(doc, edit));
        expect(splitUpdate(Y.encodeStateAsUpdate(doc))).not.toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an update with two blocks of one client, which cannot be joined', () => {
    const doc = new Y.Doc();
    const first = captureUpdate(doc, () => doc.getText('t').insert(0, 'ab'));
    const second = captureUpdate(doc, () => doc.getText('t').insert(2, 'cd'));
    const [a, b] = sectionsOf([first, second]);
    expect(disjointClients([a, b])).toBe(false);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 2);
    encoding.writeUint8Array(encoder, a.structs);
    encoding.writeUint8Array(encoder, b.structs);
    encoding.writeVarUint(encoder, 0);
    expect(splitUpdate(encoding.toUint8Array(encoder))).toBeNull();
  });

  it.each([
    ['truncated bytes', (update: Uint8Array) => update.slice(0, -2)],
    ['trailing bytes', (update: Uint8Array) => new Uint8Array([...update, 0])],
    // 'Hallo Welt' is the last struct: its length byte stands before its 10 bytes and the
    // empty delete set.
    ['a string length beyond the end', (update: Uint8Array) => update.map((byte, i) => (i === update.length - 12 ? 100 : byte))],
  ])('returns null for %s instead of throwing', (_name, damage) => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Hallo Welt');
    expect(splitUpdate(damage(Y.encodeStateAsUpdate(doc)))).toBeNull();
  });
});

function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const listener = (update: Uint8Array): void => {
    captured = update;
  };
  doc.on('update', listener);
  change();
  doc.off('update', listener);
  if (captured === null) {
    throw new Error('the change produced no update');
  }
  return captured;
}

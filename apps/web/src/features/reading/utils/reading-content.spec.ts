import { describe, expect, it } from '@jest/globals';
import type { ReportTextSection } from '@kapitel/domain';
import { isBlank, readReport, type ReadNode } from './reading-content';

const PROJECT = '5f0c8a4e-1b2d-4c3e-9f8a-7b6c5d4e3f2a';
const OWN_IMAGE = `/api/projects/${PROJECT}/images/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`;
const MAP = '2d9c6e3a-7f4b-4a8c-9e5d-8b3f4a5c6d7e';
const COSTS = '1c8b5d2f-6e3a-4f9b-8d4c-7a2e3f4b5c6d';

const text = (value: string, marks: unknown[] = []) => ({ type: 'text', text: value, marks });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const footnote = (note: string) => ({ type: 'footnote', attrs: { text: note } });
const image = (caption: string | null, figureId = '', src = OWN_IMAGE) => ({ type: 'image', attrs: { src, alt: 'Karte', caption, figureId } });
const table = (caption: string | null, figureId: string, cell: unknown) => ({
  type: 'table',
  attrs: { caption, figureId },
  content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [cell] }] }],
});

let sections = 0;
function section(...content: unknown[]): ReportTextSection {
  sections += 1;
  return { id: `section-${String(sections)}`, number: String(sections), title: `Teil ${String(sections)}`, depth: 1, state: 'draft', json: { type: 'doc', content } };
}

/** The nodes of one kind anywhere in `nodes`, in order. */
function all<K extends ReadNode['kind']>(nodes: readonly ReadNode[], kind: K): Array<Extract<ReadNode, { kind: K }>> {
  return nodes.flatMap((node) => [
    ...(node.kind === kind ? [node as Extract<ReadNode, { kind: K }>] : []),
    ...('children' in node ? all(node.children, kind) : []),
  ]);
}

describe('readReport()', () => {
  it('reads citations with their checked attributes and collects the cited sources of all sections', () => {
    const source = '7e6d5c4b-3a29-4f18-8e7d-6c5b4a392817';
    const cite = (sourceId: string, locator = '') => ({ type: 'citation', attrs: { sourceId, label: 'KGSt 2023', locator } });
    const read = readReport(PROJECT, [
      section(paragraph(text('Laut Studie '), cite(source.toUpperCase(), 'S.\n12'))),
      section(table('Kosten', '', paragraph(cite('not-an-id')))),
    ]);
    expect(all(read.sections[0]?.nodes ?? [], 'citation')).toEqual([{ kind: 'citation', sourceId: source, label: 'KGSt 2023', locator: 'S. 12', prefix: '' }]);
    expect([...read.cited]).toEqual([source, '']);
  });

  it('numbers the footnotes through the report and lists each section’s own', () => {
    const read = readReport(PROJECT, [
      section(paragraph(text('Eins'), footnote('Erste Quelle.'), text(' zwei'), footnote('Zweite Quelle.'))),
      section(paragraph(text('Drei'), footnote('Dritte Quelle: https://example.org'))),
      section(paragraph(text('Leere Fußnote'), footnote('   '))),
    ]);
    expect(read.sections.map((entry) => entry.notes)).toEqual([
      [
        { number: 1, text: 'Erste Quelle.' },
        { number: 2, text: 'Zweite Quelle.' },
      ],
      [{ number: 3, text: 'Dritte Quelle: https://example.org' }],
      [],
    ]);
  });

  it('numbers captioned images and tables per kind in reading order, a table before what its cells hold, as the PDF does', () => {
    const read = readReport(PROJECT, [
      section(image(null), image('Lageplan', MAP)),
      section(table('Kosten', COSTS, image('Im Tabellenfeld', 'f-in-table')), image('Danach', 'f-after')),
    ]);
    const placed = read.sections.flatMap((entry) =>
      [...all(entry.nodes, 'image'), ...all(entry.nodes, 'table')].map((node) => [node.caption, node.figure?.kind, node.figure?.number]),
    );
    expect(placed).toEqual([
      ['', undefined, undefined],
      ['Lageplan', 'figure', 1],
      ['Im Tabellenfeld', 'figure', 2],
      ['Danach', 'figure', 3],
      ['Kosten', 'table', 1],
    ]);
    expect(read.figures.get(MAP)).toEqual({ kind: 'figure', number: 1, anchor: `figur-${MAP}` });
    expect(read.figures.get(COSTS)).toEqual({ kind: 'table', number: 1, anchor: `figur-${COSTS}` });
  });

  it('sets a column of figures flush right, its header cell too, as the PDF does', () => {
    const cell = (value: string, header = false) => ({ type: header ? 'tableHeader' : 'tableCell', content: [paragraph(text(value))] });
    const row = (...cells: unknown[]) => ({ type: 'tableRow', content: cells });
    const read = readReport(PROJECT, [
      section({
        type: 'table',
        attrs: { caption: null },
        content: [row(cell('Kommune', true), cell('Euro', true)), row(cell('Kassel'), cell('184.000')), row(cell('Fulda'), cell('42.000 €'))],
      }),
    ]);
    const cells = all(read.sections[0]?.nodes ?? [], 'cell');
    expect(cells.map((node) => node.flushRight === true)).toEqual([false, true, false, true, false, true]);
  });

  it('makes the first figure of an id the target of its references, and a copy further on none', () => {
    const read = readReport(PROJECT, [section(image('Original', MAP)), section(image('Kopie', MAP))]);
    const [original, copy] = read.sections.map((entry) => all(entry.nodes, 'image')[0]);
    expect(original?.figure).toEqual({ kind: 'figure', number: 1, anchor: `figur-${MAP}` });
    expect(copy?.figure).toEqual({ kind: 'figure', number: 2, anchor: 'abbildung-2' });
    expect(read.figures.get(MAP)?.number).toBe(1);
    // Both are in the list of figures.
    expect(read.listed.map((entry) => [entry.caption, entry.number, entry.anchor])).toEqual([
      ['Original', 1, `figur-${MAP}`],
      ['Kopie', 2, 'abbildung-2'],
    ]);
  });

  it('loads only this project’s images and follows only the links the editor allows', () => {
    const foreign = '/api/projects/00000000-0000-4000-8000-000000000000/images/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const read = readReport(PROJECT, [
      section(
        image(null, '', OWN_IMAGE),
        image(null, '', 'https://tracker.example/pixel.png'),
        image(null, '', foreign),
        paragraph(
          text('gut', [{ type: 'link', attrs: { href: 'https://www.kgst.de' } }]),
          text('böse', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }]),
          text('hoch', [{ type: 'superscript' }]),
        ),
      ),
    ]);
    const nodes = read.sections[0]?.nodes ?? [];
    expect(all(nodes, 'image').map((node) => node.src)).toEqual([OWN_IMAGE, null, null]);
    expect(all(nodes, 'text').map((node) => [node.text, node.marks])).toEqual([
      ['gut', [{ kind: 'link', href: 'https://www.kgst.de' }]],
      ['böse', [{ kind: 'bold' }]],
      ['hoch', [{ kind: 'superscript' }]],
    ]);
  });

  it('keeps references with their stored words and collects the report’s sections as targets', () => {
    const first = section(
      paragraph(
        { type: 'sectionRef', attrs: { sectionId: COSTS, title: 'Ausblick' } },
        { type: 'figureRef', attrs: { figureId: MAP, kind: 'table', caption: 'Kosten' } },
      ),
    );
    const read = readReport(PROJECT, [first]);
    expect(all(read.sections[0]?.nodes ?? [], 'sectionRef')).toEqual([{ kind: 'sectionRef', sectionId: COSTS, title: 'Ausblick' }]);
    expect(all(read.sections[0]?.nodes ?? [], 'figureRef')).toEqual([{ kind: 'figureRef', figureId: MAP, figureKind: 'table', caption: 'Kosten' }]);
    expect([...read.sectionIds]).toEqual([first.id]);
  });

  it('keeps the text of unknown nodes and stops at a nesting no document has', () => {
    let deep: unknown = text('zu tief');
    for (let level = 0; level < 100; level += 1) {
      deep = { type: 'blockquote', content: [deep] };
    }
    const read = readReport(PROJECT, [section({ type: 'somethingNew', content: [paragraph(text('bleibt'))] }, deep)]);
    const nodes = read.sections[0]?.nodes ?? [];
    expect(all(nodes, 'text').map((node) => node.text)).toEqual(['bleibt']);
  });
});

describe('isBlank()', () => {
  it('is true for an empty paragraph and false once there is a word or an image', () => {
    const nodes = (json: ReportTextSection) => readReport(PROJECT, [json]).sections[0]?.nodes ?? [];
    expect(isBlank(nodes(section(paragraph())))).toBe(true);
    expect(isBlank(nodes(section(paragraph(text('  ')))))).toBe(true);
    expect(isBlank(nodes(section(paragraph(text('Wort')))))).toBe(false);
    expect(isBlank(nodes(section(image(null))))).toBe(false);
  });
});

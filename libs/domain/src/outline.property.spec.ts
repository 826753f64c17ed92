import fc from 'fast-check';
import { LIMITS } from './limits.js';
import { numberOutline, type NumberableSection } from './numbering.js';
import { moveProblem, outlineProblems, placeAmongSiblings, type OutlineLink } from './outline.js';

/**
 * Property tests of the pure outline rules over random trees. The oracles here are written
 * independently of the functions under test (parent chains walked by hand, numbers counted
 * by hand), so that a shared mistake cannot make both sides agree.
 */

/** One node of a generated outline, before it is given an id and a position. */
interface NodeSeed {
  /** Picks the parent among the nodes made before this one (or the top level); -1: the one just before. */
  parent: number;
  numbered: boolean;
  /** Orders the node among its siblings. */
  order: number;
  /** Orders the node in the list handed to the function, which must not matter. */
  shuffle: number;
}

const nodeSeed: fc.Arbitrary<NodeSeed> = fc.record({
  parent: fc.oneof({ arbitrary: fc.nat(), weight: 2 }, { arbitrary: fc.constant(-1), weight: 1 }),
  // Mostly numbered, as in a real report, so that deep numbers occur.
  numbered: fc.oneof(
    { arbitrary: fc.constant(true), weight: 3 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
  order: fc.nat(),
  shuffle: fc.nat(),
});

/** The parent of every section, by walking up by hand. */
function parentMap(sections: readonly OutlineLink[]): Map<string, string | null> {
  return new Map(sections.map((section) => [section.id, section.parentId]));
}

/** The ancestors of `id`, nearest first; throws on a cycle or a missing parent. */
function ancestors(parents: ReadonlyMap<string, string | null>, id: string): string[] {
  const found: string[] = [];
  let current = parents.get(id);
  while (current !== null && current !== undefined) {
    if (found.includes(current) || current === id) {
      throw new Error(`cycle through ${id}`);
    }
    found.push(current);
    current = parents.get(current);
  }
  if (current === undefined) {
    throw new Error(`missing parent above ${id}`);
  }
  return found;
}

/** The ids under `parentId`, ordered by position. */
function childIds(sections: readonly OutlineLink[], parentId: string | null): string[] {
  return sections
    .filter((section) => section.parentId === parentId)
    .sort((a, b) => a.position - b.position)
    .map((section) => section.id);
}

/**
 * A random valid outline of up to `maxSize` sections no deeper than `maxDepth`, with dense
 * positions, handed over in a random order.
 */
function outlineArbitrary(
  maxSize: number,
  maxDepth: number = LIMITS.outlineMaxDepth,
): fc.Arbitrary<NumberableSection[]> {
  return fc.array(nodeSeed, { maxLength: maxSize }).map((seeds) => {
    const nodes: Array<{
      id: string;
      parentId: string | null;
      numbered: boolean;
      order: number;
      shuffle: number;
    }> = [];
    const depth = new Map<string, number>();
    seeds.forEach((seed, index) => {
      // -1 picks the node just made (deep chains); a pick past the existing nodes means the top level.
      const pick = seed.parent < 0 ? index - 1 : seed.parent % (index + 2);
      let parentId = pick >= 0 && pick < index ? `s${pick}` : null;
      if (parentId !== null && (depth.get(parentId) ?? 0) >= maxDepth) {
        parentId = null;
      }
      const id = `s${index}`;
      depth.set(id, parentId === null ? 1 : (depth.get(parentId) ?? 0) + 1);
      nodes.push({ id, parentId, numbered: seed.numbered, order: seed.order, shuffle: seed.shuffle });
    });
    const positions = new Map<string, number>();
    for (const parentId of new Set(nodes.map((node) => node.parentId))) {
      nodes
        .filter((node) => node.parentId === parentId)
        .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
        .forEach((node, position) => positions.set(node.id, position));
    }
    return [...nodes]
      .sort((a, b) => a.shuffle - b.shuffle || a.id.localeCompare(b.id))
      .map((node) => ({
        id: node.id,
        parentId: node.parentId,
        position: positions.get(node.id) ?? -1,
        numbered: node.numbered,
      }));
  });
}

describe('numberOutline() over random outlines', () => {
  const outlines = outlineArbitrary(40);

  it('gives every section an entry and a distinct number to every numbered one', () => {
    fc.assert(
      fc.property(outlines, (sections) => {
        const numbers = numberOutline(sections);
        expect([...numbers.keys()].sort()).toEqual(sections.map((section) => section.id).sort());
        const given = [...numbers.values()].filter((number): number is string => number !== null);
        expect(new Set(given).size).toBe(given.length);
        for (const number of given) {
          expect(number).toMatch(/^[1-9]\d*(\.[1-9]\d*)*$/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('numbers exactly the sections that are numbered with all their ancestors, one part per level', () => {
    fc.assert(
      fc.property(outlines, (sections) => {
        const numbers = numberOutline(sections);
        const parents = parentMap(sections);
        const byId = new Map(sections.map((section) => [section.id, section]));
        for (const section of sections) {
          const chain = [section.id, ...ancestors(parents, section.id)];
          const allNumbered = chain.every((id) => byId.get(id)?.numbered === true);
          const number = numbers.get(section.id) ?? null;
          expect({ id: section.id, numbered: number !== null }).toEqual({
            id: section.id,
            numbered: allNumbered,
          });
          if (number !== null) {
            expect(number.split('.')).toHaveLength(chain.length);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("starts a numbered child's number with its parent's number and a dot", () => {
    fc.assert(
      fc.property(outlines, (sections) => {
        const numbers = numberOutline(sections);
        for (const section of sections) {
          const number = numbers.get(section.id) ?? null;
          if (section.parentId !== null && number !== null) {
            const parentNumber = numbers.get(section.parentId) ?? null;
            expect(parentNumber).not.toBeNull();
            expect(number.startsWith(`${parentNumber}.`)).toBe(true);
            expect(number.slice(`${parentNumber}.`.length)).toMatch(/^\d+$/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives no number to an unnumbered section or to anything below it', () => {
    fc.assert(
      fc.property(outlines, (sections) => {
        const numbers = numberOutline(sections);
        const parents = parentMap(sections);
        const unnumbered = new Set(
          sections.filter((section) => !section.numbered).map((section) => section.id),
        );
        for (const section of sections) {
          if ([section.id, ...ancestors(parents, section.id)].some((id) => unnumbered.has(id))) {
            expect({ id: section.id, number: numbers.get(section.id) }).toEqual({
              id: section.id,
              number: null,
            });
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts 1..k over the numbered siblings in position order, skipping unnumbered ones', () => {
    fc.assert(
      fc.property(outlines, (sections) => {
        const numbers = numberOutline(sections);
        const byId = new Map(sections.map((section) => [section.id, section]));
        const parentIds = [null, ...sections.map((section) => section.id)];
        for (const parentId of parentIds) {
          const prefix = parentId === null ? '' : `${numbers.get(parentId)}.`;
          if (parentId !== null && numbers.get(parentId) === null) {
            continue;
          }
          const numberedChildren = childIds(sections, parentId).filter(
            (id) => byId.get(id)?.numbered === true,
          );
          expect(numberedChildren.map((id) => numbers.get(id))).toEqual(
            numberedChildren.map((_id, index) => `${prefix}${index + 1}`),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on the order in which the sections are handed over', () => {
    fc.assert(
      fc.property(outlines, (sections) => {
        const forward = numberOutline(sections);
        const backward = numberOutline([...sections].reverse());
        expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
      }),
      { numRuns: 100 },
    );
  });
});

describe('placeAmongSiblings() over random sibling lists', () => {
  it('puts the section once at the clamped position and keeps the others in their order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        (siblingNumbers, idNumber, position) => {
          const siblings = siblingNumbers.map((n) => `s${n}`);
          const id = `s${idNumber}`;
          const placed = placeAmongSiblings(siblings, id, position);
          const others = siblings.filter((sibling) => sibling !== id);
          expect(placed.filter((sibling) => sibling === id)).toHaveLength(1);
          expect(placed.indexOf(id)).toBe(Math.min(position, others.length));
          expect(placed.filter((sibling) => sibling !== id)).toEqual(others);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A requested move: which section, under which parent (an index past the sections = top level), where. */
interface MoveSeed {
  section: number;
  parent: number;
  position: number;
}

/** The outline after the move, applied as the server does: re-pack the old siblings, place among the new. */
function applyMove(
  sections: readonly OutlineLink[],
  id: string,
  parentId: string | null,
  position: number,
): OutlineLink[] {
  const moved = sections.find((section) => section.id === id);
  if (!moved) {
    throw new Error(`no section ${id}`);
  }
  const places = new Map<string, { parentId: string | null; position: number }>();
  childIds(sections, moved.parentId)
    .filter((sibling) => sibling !== id)
    .forEach((sibling, index) => places.set(sibling, { parentId: moved.parentId, position: index }));
  placeAmongSiblings(childIds(sections, parentId), id, position).forEach((sibling, index) =>
    places.set(sibling, { parentId, position: index }),
  );
  return sections.map((section) => ({ id: section.id, ...(places.get(section.id) ?? section) }));
}

/** The deepest level in the outline, counted by walking parent chains by hand; Infinity on a cycle. */
function deepestLevel(sections: readonly OutlineLink[]): number {
  const parents = parentMap(sections);
  let deepest = 0;
  for (const section of sections) {
    try {
      deepest = Math.max(deepest, ancestors(parents, section.id).length + 1);
    } catch {
      return Infinity;
    }
  }
  return deepest;
}

describe('moving sections at random (a pure in-memory outline)', () => {
  const scenarios = fc.integer({ min: 2, max: LIMITS.outlineMaxDepth }).chain((maxDepth) =>
    fc.record({
      maxDepth: fc.constant(maxDepth),
      outline: outlineArbitrary(20, maxDepth),
      moves: fc.array(
        fc.record({ section: fc.nat(), parent: fc.nat(), position: fc.integer({ min: 0, max: 25 }) }),
        { maxLength: 40 },
      ),
    }),
  );

  it('keeps the outline a tree with dense positions within the depth limit after every allowed move', () => {
    fc.assert(
      fc.property(scenarios, ({ maxDepth, outline, moves }) => {
        let sections: OutlineLink[] = outline.map(({ id, parentId, position }) => ({
          id,
          parentId,
          position,
        }));
        expect(outlineProblems(sections)).toEqual([]);
        for (const move of moves as MoveSeed[]) {
          if (sections.length === 0) {
            return;
          }
          const id = sections[move.section % sections.length].id;
          const parentPick = move.parent % (sections.length + 1);
          const parentId = parentPick === sections.length ? null : sections[parentPick].id;
          const problem = moveProblem(sections, id, parentId, maxDepth);
          // The oracle: a cycle is a parent at or below the section; too deep is judged on the result.
          const parents = parentMap(sections);
          const underItself =
            parentId !== null && (parentId === id || ancestors(parents, parentId).includes(id));
          if (underItself) {
            expect(problem).toBe('cycle');
            continue;
          }
          const after = applyMove(sections, id, parentId, move.position);
          const tooDeep = deepestLevel(after) > maxDepth;
          expect(problem).toBe(tooDeep ? 'too_deep' : null);
          if (problem !== null) {
            continue;
          }
          sections = after;
          expect(outlineProblems(sections)).toEqual([]);
          const moved = sections.find((section) => section.id === id);
          expect(moved?.parentId).toBe(parentId);
          expect(childIds(sections, parentId).indexOf(id)).toBe(
            Math.min(move.position, childIds(sections, parentId).length - 1),
          );
        }
        expect(sections.map((section) => section.id).sort()).toEqual(
          outline.map((section) => section.id).sort(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reports every section of a random tree with dense positions as problem-free, and a broken one as not', () => {
    fc.assert(
      fc.property(outlineArbitrary(20), fc.nat(), fc.nat(), (outline, pick, other) => {
        const sections: OutlineLink[] = outline.map(({ id, parentId, position }) => ({
          id,
          parentId,
          position,
        }));
        expect(outlineProblems(sections)).toEqual([]);
        if (sections.length < 2) {
          return;
        }
        const broken = sections[pick % sections.length];
        const gap = sections.map((section) =>
          section.id === broken.id ? { ...section, position: section.position + 1 + (other % 3) } : section,
        );
        expect(outlineProblems(gap)).not.toEqual([]);
        const orphan = sections.map((section) =>
          section.id === broken.id ? { ...section, parentId: 'gone' } : section,
        );
        expect(outlineProblems(orphan)).not.toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

/** One step of an edit script from `a` to `b`: keep, delete from `a`, insert from `b`. */
export type EditOp = 'equal' | 'delete' | 'insert';

export interface SequenceDiff {
  /** The steps in order: `equal` and `delete` consume `a`, `equal` and `insert` consume `b`. */
  ops: EditOp[];
  /**
   * False when the middle needed more than `maxEdits` steps: then `ops` keeps the common
   * start and end and deletes and inserts everything between, at a cost bounded by the cap.
   */
  complete: boolean;
}

function at(values: ArrayLike<number>, index: number): number {
  return values[index] ?? -1;
}

/**
 * The forward pass of Myers' O((N+M)D) algorithm. Keeps, for every D, the furthest x
 * reached on each diagonal k in -D..D (stored at k + D), which the backtrack needs:
 * memory grows with D², which the cap bounds. Null when the cap is passed.
 */
function furthestReaching(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits: number): Int32Array[] | null {
  const n = a.length;
  const m = b.length;
  const trace: Int32Array[] = [];
  let previous = new Int32Array(1);
  for (let d = 0; d <= Math.min(n + m, maxEdits); d++) {
    const current = new Int32Array(2 * d + 1);
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (d === 0) {
        x = 0;
      } else if (k === -d || (k !== d && at(previous, k - 1 + d - 1) < at(previous, k + 1 + d - 1))) {
        x = at(previous, k + 1 + d - 1);
      } else {
        x = at(previous, k - 1 + d - 1) + 1;
      }
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      current[k + d] = x;
      // A path that leaves the grid always costs more than one inside it, so the first
      // endpoint reached is a real one.
      if (x >= n && y >= m) {
        trace.push(current);
        return trace;
      }
    }
    trace.push(current);
    previous = current;
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): EditOp[] {
  const reversed: EditOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] ?? new Int32Array(0);
    const k = x - y;
    const down = k === -d || (k !== d && at(previous, k - 1 + d - 1) < at(previous, k + 1 + d - 1));
    const previousK = down ? k + 1 : k - 1;
    const px = at(previous, previousK + d - 1);
    const py = px - previousK;
    const startX = down ? px : px + 1;
    while (x > startX) {
      reversed.push('equal');
      x -= 1;
      y -= 1;
    }
    reversed.push(down ? 'insert' : 'delete');
    x = px;
    y = py;
  }
  for (; x > 0; x--) {
    reversed.push('equal');
  }
  return reversed.reverse();
}

/**
 * The shortest edit script from `a` to `b` (sequences of ids, equal when the same number),
 * by Myers' algorithm after taking off the common start and end, which is most of the
 * work for texts edited in a few places. At most `maxEdits` steps are searched for: past
 * that the middle is given as replaced whole (`complete: false`), so that the cost stays
 * below O((N+M)·maxEdits) time and O(maxEdits²) memory however different the two are.
 */
export function diffSequences(a: readonly number[], b: readonly number[], maxEdits: number): SequenceDiff {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start += 1;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const trace = furthestReaching(middleA, middleB, maxEdits);
  const middle: EditOp[] =
    trace === null
      ? [
          ...new Array<EditOp>(middleA.length).fill('delete'),
          ...new Array<EditOp>(middleB.length).fill('insert'),
        ]
      : backtrack(trace, middleA.length, middleB.length);
  const equal = (count: number): EditOp[] => new Array<EditOp>(count).fill('equal');
  return {
    ops: [...equal(start), ...middle, ...equal(a.length - endA)],
    complete: trace !== null,
  };
}

/** Maps values to small integers, the same number for equal values, for `diffSequences`. */
export class Interner {
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(value, id);
    }
    return id;
  }
}

import type { AwarenessEntry } from './awareness.js';

/**
 * A room's presence changes (cursors, arrivals, departures), gathered and sent together at
 * most once per tick. Presence is half of what typing sends (a cursor after every key), but
 * nobody needs it sooner than a tick: sent with each edit it would double the frames of
 * every tick, and frames are what the fan-out budget counts.
 */
export class PresenceBatch {
  private entries: AwarenessEntry[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tickMs: number,
    private readonly due: () => void,
  ) {}

  add(entries: readonly AwarenessEntry[]): void {
    this.entries.push(...entries);
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.due();
      }, this.tickMs);
    }
  }

  /** Everything gathered so far; a pending timer is cancelled. */
  take(): AwarenessEntry[] {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const entries = this.entries;
    this.entries = [];
    return entries;
  }
}

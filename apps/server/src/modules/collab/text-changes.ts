/**
 * Announces that a section's text changed: at once for the first stored edit, then at most
 * once per `intervalMs` per section, the end of an interval announcing the edits stored in it.
 * So the first edit is told at once, each later one within an interval, and a section being
 * typed in costs one event per interval, not one per keystroke. Each announcement carries the
 * time the last edit it covers was stored, so that a reader who loaded the text after that
 * knows it has it already.
 */
export class TextChanges {
  /** Per section in an interval: the time of the last edit not announced yet (null: none). */
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; pending: Date | null }>();

  constructor(
    private readonly announce: (sectionId: string, storedAt: Date) => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** An edit of the section was stored (now). */
  changed(sectionId: string): void {
    const now = new Date();
    const open = this.waiting.get(sectionId);
    if (open !== undefined) {
      open.pending = now;
      return;
    }
    void this.announce(sectionId, now);
    this.startInterval(sectionId);
  }

  private startInterval(sectionId: string): void {
    const entry = {
      pending: null as Date | null,
      timer: setTimeout(() => {
        this.waiting.delete(sectionId);
        if (entry.pending !== null) {
          void this.announce(sectionId, entry.pending);
          this.startInterval(sectionId);
        }
      }, this.intervalMs),
    };
    // A pending announcement does not keep a stopping process alive.
    entry.timer.unref();
    this.waiting.set(sectionId, entry);
  }

  /** Forgets what is pending (the process stops). */
  stop(): void {
    this.waiting.forEach(({ timer }) => clearTimeout(timer));
    this.waiting.clear();
  }
}

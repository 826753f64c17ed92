/**
 * Announces that a section's text changed, at most once per `intervalMs` per section: the
 * first stored edit starts the interval, its end announces every edit stored until then.
 * So each edit is announced within one interval, and a section being typed in costs one
 * event per interval, not one per keystroke.
 */
export class TextChanges {
  private readonly waiting = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly announce: (sectionId: string) => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  /** An edit of the section was stored. */
  changed(sectionId: string): void {
    if (this.waiting.has(sectionId)) {
      return;
    }
    const timer = setTimeout(() => {
      this.waiting.delete(sectionId);
      void this.announce(sectionId);
    }, this.intervalMs);
    // A pending announcement does not keep a stopping process alive.
    timer.unref();
    this.waiting.set(sectionId, timer);
  }

  /** Forgets what is pending (the process stops). */
  stop(): void {
    this.waiting.forEach((timer) => clearTimeout(timer));
    this.waiting.clear();
  }
}

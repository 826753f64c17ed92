/**
 * Decides when a room's next tick (one INSERT, one fan-out) may run.
 *
 * The tick exists to bound fan-out, the first wall on two cores: a tick sends one frame per
 * connection, so a room that ticked for every update would send updates × connections frames.
 * Frames come from a bucket that refills at `framesPerSecond` and holds one tick's worth. A
 * room whose fan-out fits the budget ticks as soon as an update arrives, so an edit waits only
 * for its INSERT; a busy room waits for frames, never longer than `tickMs`, and everything
 * that arrives meanwhile shares the tick. (A room of more connections than the bucket holds
 * ticks every `tickMs`, as with a fixed tick.)
 */
export class TickClock {
  private frames: number;
  private refilledAt: number;

  constructor(
    private readonly framesPerSecond: number,
    private readonly tickMs: number,
    now: number,
  ) {
    this.frames = this.capacity;
    this.refilledAt = now;
  }

  private get capacity(): number {
    return (this.framesPerSecond * this.tickMs) / 1000;
  }

  /** Milliseconds until a tick may send `frames` frames: 0 within the budget, at most `tickMs`. */
  delay(frames: number, now: number): number {
    this.refill(now);
    if (this.frames >= frames) {
      return 0;
    }
    return Math.min(this.tickMs, ((frames - this.frames) / this.framesPerSecond) * 1000);
  }

  /** A tick sent `frames` frames. */
  spend(frames: number, now: number): void {
    this.refill(now);
    this.frames = Math.max(0, this.frames - frames);
  }

  private refill(now: number): void {
    this.frames = Math.min(this.capacity, this.frames + ((now - this.refilledAt) / 1000) * this.framesPerSecond);
    this.refilledAt = now;
  }
}

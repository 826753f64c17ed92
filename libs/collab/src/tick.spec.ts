import { TickClock } from './tick.js';

// 20,000 frames per second and a 15 ms tick: the bucket holds 300 frames.
function clock(): TickClock {
  return new TickClock(20_000, 15, 0);
}

describe('TickClock', () => {
  it('lets a room within its fan-out budget tick at once, tick after tick', () => {
    const room = clock();
    for (let tick = 0; tick < 100; tick += 1) {
      const now = tick * 10; // 100 ticks a second to 50 connections: 5,000 frames a second
      expect(room.delay(50, now)).toBe(0);
      room.spend(50, now);
    }
  });

  it('makes a busy room wait until the budget has refilled for its next fan-out', () => {
    const room = clock();
    room.spend(300, 0);
    expect(room.delay(100, 0)).toBeCloseTo(5); // 100 frames at 20 a millisecond
    expect(room.delay(100, 2)).toBeCloseTo(3);
    expect(room.delay(100, 5)).toBe(0);
  });

  it('never holds a tick longer than tickMs, however large the room', () => {
    const room = clock();
    room.spend(300, 0);
    expect(room.delay(5_000, 0)).toBe(15);
    room.spend(5_000, 15);
    expect(room.delay(5_000, 15)).toBe(15);
  });

  it('saves up no more than one tick of frames while the room is quiet', () => {
    const room = clock();
    room.spend(300, 0);
    expect(room.delay(300, 60_000)).toBe(0);
    room.spend(300, 60_000);
    expect(room.delay(1, 60_000)).toBeCloseTo(0.05);
  });
});

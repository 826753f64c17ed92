import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { callAt } from './call-at.js';

const DAY_MS = 24 * 3600 * 1000;

describe('callAt', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('calls at the given time, also beyond the 24.8 days one setTimeout can wait', () => {
    const calls: number[] = [];
    const start = Date.now();
    callAt(new Date(start + 30 * DAY_MS), () => calls.push(Date.now() - start));
    jest.advanceTimersByTime(29 * DAY_MS);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(DAY_MS);
    expect(calls).toEqual([30 * DAY_MS]);
  });

  it('calls at once for a time that has passed, and never once cancelled', () => {
    const calls: string[] = [];
    callAt(new Date(Date.now() - 1), () => calls.push('past'));
    const later = callAt(new Date(Date.now() + 1000), () => calls.push('cancelled'));
    later.cancel();
    jest.advanceTimersByTime(2000);
    expect(calls).toEqual(['past']);
  });
});

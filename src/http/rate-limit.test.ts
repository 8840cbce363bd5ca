import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from './rate-limit.ts';

describe('failure rate limiter', () => {
  it('blocks a key after max failures until its window ends, and reset clears it', () => {
    let now = 1_000_000;
    const l = memoryRateLimiter(() => now);
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfter('k', 3, 60_000)).toBe(0);
      l.fail('k', 60_000);
    }
    expect(l.retryAfter('k', 3, 60_000)).toBe(60);
    now += 30_000;
    expect(l.retryAfter('k', 3, 60_000)).toBe(30);
    expect(l.retryAfter('other', 3, 60_000)).toBe(0);
    now += 30_001;
    expect(l.retryAfter('k', 3, 60_000)).toBe(0);
    l.fail('k', 60_000);
    l.reset('k');
    expect(l.retryAfter('k', 1, 60_000)).toBe(0);
  });
});

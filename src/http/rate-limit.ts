/**
 * A fixed-window counter of failures per key. Written here rather than taken from
 * @fastify/rate-limit because sign-in must be limited on two keys at once (account, then
 * address), checked before the password is hashed and counted only on failure.
 * In memory for one process; a Redis store takes its place for several app nodes.
 */
export interface RateLimiter {
  /** Seconds until the key may try again, or 0 when it may now. */
  retryAfter(key: string, max: number, windowMs: number): number;
  fail(key: string, windowMs: number): void;
  reset(key: string): void;
}

export function memoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    if (w && w.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  return {
    retryAfter(key, max) {
      const w = current(key);
      return w && w.count >= max ? Math.max(1, Math.ceil((w.resetAt - now()) / 1000)) : 0;
    },
    fail(key, windowMs) {
      const w = current(key);
      if (w) w.count += 1;
      else windows.set(key, { count: 1, resetAt: now() + windowMs });
      if (windows.size > 100_000) {
        for (const [k, v] of windows) if (v.resetAt <= now()) windows.delete(k);
      }
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

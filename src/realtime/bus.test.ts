import { describe, expect, it } from 'vitest';
import { createBus, type DomainEvent } from './bus.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const event: DomainEvent = { type: 'notifications.changed', userId: 'U1' };

describe('event bus', () => {
  it('in process: handlers run once, then listeners hear the event', async () => {
    const bus = createBus({ redisUrl: null });
    const order: string[] = [];
    bus.on('notifications.changed', async () => void order.push('handler'));
    bus.listen(() => order.push('listener'));
    await bus.emit(event);
    expect(order).toEqual(['handler', 'listener']);
    await bus.close();
  });

  it('with Redis: an event emitted on one node reaches the listeners of another, the handler runs only where emitted', async () => {
    const a = createBus({ redisUrl: REDIS_URL });
    const b = createBus({ redisUrl: REDIS_URL });
    let handledOnB = 0;
    b.on('notifications.changed', async () => void handledOnB++);
    const heard = new Promise<DomainEvent>((resolve) => b.listen(resolve));
    // let b's subscription settle before publishing
    await new Promise((r) => setTimeout(r, 200));
    await a.emit(event);
    expect(await heard).toEqual(event);
    expect(handledOnB).toBe(0);
    await Promise.all([a.close(), b.close()]);
  });

  it('a failing handler does not fail the emit', async () => {
    const bus = createBus({ redisUrl: null });
    bus.on('notifications.changed', async () => {
      throw new Error('boom');
    });
    let heard = false;
    bus.listen(() => (heard = true));
    await expect(bus.emit(event)).resolves.toBeUndefined();
    expect(heard).toBe(true);
    await bus.close();
  });
});

import type { Deps } from '../../http/app.ts';
import type { Bus } from '../../realtime/bus.ts';

// Stub: filled in by this file's owner.
/** Notifications for new pain points and for changes to one (after their commit). */
export function registerPainPointHandlers(deps: Pick<Deps, 'db' | 'clock'>, bus: Bus): void {
  void deps;
  void bus;
}

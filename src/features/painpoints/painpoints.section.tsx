import type { Deps } from '../../http/app.ts';
import type { CommentsSection } from '../posts/index.ts';

// Stub: filled in by this file's owner.
/** A pain point's status, owner, votes and history on its post's page. */
export function painPointSection(deps: Deps): CommentsSection {
  void deps;
  return async () => null;
}

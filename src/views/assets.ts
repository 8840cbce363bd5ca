import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ASSETS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');

const versions = new Map<string, string>();

/** The asset's URL with a content hash, so it can be cached for a year. */
export function assetUrl(name: string): string {
  let v = versions.get(name);
  if (!v) {
    v = createHash('sha256')
      .update(readFileSync(path.join(ASSETS_DIR, name)))
      .digest('hex')
      .slice(0, 10);
    versions.set(name, v);
  }
  return `/assets/${name}?v=${v}`;
}

import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where uploaded and derived files live. A local folder now; an S3-compatible store later. */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** A stream of the file, or null when there is none. */
  get(key: string): Promise<{ stream: ReadStream; size: number } | null>;
  removePrefix(prefix: string): Promise<void>;
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

export function localStorage(root: string): Storage {
  const resolve = (key: string): string => {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe storage key ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, data) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    },
    async get(key) {
      const file = resolve(key);
      try {
        const s = await stat(file);
        return { stream: createReadStream(file), size: s.size };
      } catch {
        return null;
      }
    },
    async removePrefix(prefix) {
      await rm(resolve(prefix), { recursive: true, force: true });
    },
  };
}

import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SourceFile } from './source-file.ts';

export async function nodeSourceFile(path: string): Promise<SourceFile> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`not a file: ${path}`);
  return {
    name: basename(path),
    size: info.size,
    async read(start, end) {
      const handle = await open(path, 'r');
      try {
        const buffer = new Uint8Array(Math.max(0, Math.min(end, info.size) - start));
        await handle.read(buffer, 0, buffer.byteLength, start);
        return buffer;
      } finally {
        await handle.close();
      }
    },
    ref: { kind: 'node-path', path },
  };
}

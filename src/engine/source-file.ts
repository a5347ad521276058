/**
 * A file given by the user, readable in slices on every platform: a browser File in the worker, a
 * path in Node. Ingest code only sees this interface, so the same code runs in the app and the CLI.
 */
import type { FileRef } from './db-port.ts';

export interface SourceFile {
  readonly name: string;
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
  /** A handle the engine can read lazily, or null for bytes already in memory. */
  readonly ref: FileRef | null;
}

export function browserSourceFile(file: File): SourceFile {
  return {
    name: file.name,
    size: file.size,
    async read(start, end) {
      return new Uint8Array(await file.slice(start, end).arrayBuffer());
    },
    ref: { kind: 'browser-file', file },
  };
}

/** Wrap in-memory bytes (decoded or unpacked content) as a SourceFile with no lazy handle. */
export function bytesSourceFile(name: string, bytes: Uint8Array, ref: FileRef | null = null): SourceFile {
  return {
    name,
    size: bytes.byteLength,
    async read(start, end) {
      return bytes.subarray(start, Math.min(end, bytes.byteLength));
    },
    ref,
  };
}

/** Read a whole file in slices, reporting bytes done; checks the signal between slices. */
export async function readAll(
  source: SourceFile,
  onBytes: (done: number) => void,
  signal?: AbortSignal,
  sliceSize = 8 * 1024 * 1024,
): Promise<Uint8Array> {
  const out = new Uint8Array(source.size);
  for (let start = 0; start < source.size; start += sliceSize) {
    signal?.throwIfAborted();
    const chunk = await source.read(start, Math.min(source.size, start + sliceSize));
    out.set(chunk, start);
    onBytes(Math.min(source.size, start + chunk.byteLength));
  }
  return out;
}

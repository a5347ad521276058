/**
 * .gz and .zip in the worker with fflate's streaming classes, fed small slices so that no single
 * push can inflate more than ~64 MB, and with a size/ratio guard against zip bombs. Zip directories
 * (declared sizes) are checked before anything is inflated; the real output is counted as it comes.
 */
import { Gunzip, Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { EngineError } from '../engine-error.ts';
import { bytesSourceFile, readAll, type SourceFile } from '../source-file.ts';
import type { LoadProgress } from './load-types.ts';

/** Unpacked text beyond this does not fit the engine comfortably (engine-notes P9). */
export const MAX_UNPACKED_BYTES = 1536 * 1024 ** 2;
/** A compression ratio above this, once the output passes BOMB_MIN_BYTES, is refused as a bomb. */
export const BOMB_RATIO = 100;
export const BOMB_MIN_BYTES = 64 * 1024 ** 2;
/** Deflate expands at most ~1032:1, so a 64 KiB push yields at most ~66 MB before the next check. */
const PUSH_BYTES = 64 * 1024;

/** Throws zip_bomb / too_large when `unpacked` bytes from `packed` bytes are implausible. */
export function checkUnpackedSize(unpacked: number, packed: number, name: string): void {
  if (unpacked > BOMB_MIN_BYTES && unpacked > Math.max(1, packed) * BOMB_RATIO) {
    throw new EngineError('zip_bomb', `${unpacked} bytes from ${packed}`, { name, size: unpacked });
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new EngineError('too_large', `unpacks to more than ${unpacked} bytes`, { name, size: unpacked });
  }
}

export interface ZipEntry {
  name: string;
  packed: number;
  /** Uncompressed size as declared in the central directory. */
  declared: number;
}

/** The zip's central directory, read without inflating anything; throws archive_invalid. */
export function zipDirectory(bytes: Uint8Array, name: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(info: UnzipFileInfo) {
        entries.push({ name: info.name, packed: info.size, declared: info.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new EngineError('archive_invalid', (e as Error).message, { name });
  }
  return entries;
}

/** Refuse a zip whose declared sizes already make it a bomb or too large. */
export function checkZipDirectory(entries: readonly ZipEntry[], packedSize: number, name: string): void {
  const declared = entries.reduce((sum, e) => sum + e.declared, 0);
  checkUnpackedSize(declared, packedSize, name);
  for (const e of entries) checkUnpackedSize(e.declared, e.packed, name);
}

/**
 * Inflate every entry of a zip (a workbook) as a stream, keeping nothing, and refuse it as soon as
 * the real output passes the bomb ratio or the size cap. The zip directory may lie about sizes; the
 * bytes cannot. Throws zip_bomb / too_large / archive_invalid.
 */
export function checkZipInflation(bytes: Uint8Array, name: string, signal?: AbortSignal): void {
  let total = 0;
  let failure: unknown = null;
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = err;
        return;
      }
      total += chunk.byteLength;
      try {
        checkUnpackedSize(total, bytes.byteLength, name);
      } catch (e) {
        failure = e;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.byteLength && !failure; i += PUSH_BYTES) {
      if (i % (64 * PUSH_BYTES) === 0) signal?.throwIfAborted();
      unzip.push(bytes.subarray(i, i + PUSH_BYTES), i + PUSH_BYTES >= bytes.byteLength);
    }
  } catch (e) {
    failure ??= e;
  }
  if (failure instanceof EngineError || (failure instanceof DOMException && failure.name === 'AbortError'))
    throw failure;
  if (failure) throw new EngineError('xlsx_invalid', (failure as Error).message ?? String(failure), { name });
}

/**
 * Inflate a gzip member in memory with a running cap: past `cap` bytes it stops and throws zip_bomb
 * instead of allocating what a lying header or a bomb asks for.
 */
export function gunzipCapped(input: Uint8Array, cap: number, name: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const gunzip = new Gunzip((chunk) => {
    total += chunk.byteLength;
    if (total > cap) over = true;
    else parts.push(chunk);
  });
  for (let i = 0; i < input.byteLength && !over; i += PUSH_BYTES) {
    gunzip.push(input.subarray(i, i + PUSH_BYTES), i + PUSH_BYTES >= input.byteLength);
  }
  if (over) throw new EngineError('zip_bomb', `inflates past ${cap} bytes`, { name, size: total });
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out;
}

/** Entries that hold data: no folders, macOS resource forks or hidden files. */
export function dataEntries(entries: readonly ZipEntry[]): ZipEntry[] {
  return entries.filter((e) => {
    const base = e.name.split('/').pop() ?? '';
    return !e.name.endsWith('/') && !e.name.startsWith('__MACOSX/') && base !== '' && !base.startsWith('.');
  });
}

class Collector {
  parts: Uint8Array[] = [];
  total = 0;
  constructor(
    private readonly packed: number,
    private readonly name: string,
  ) {}
  add(chunk: Uint8Array): void {
    this.total += chunk.byteLength;
    checkUnpackedSize(this.total, this.packed, this.name);
    this.parts.push(chunk);
  }
  bytes(): Uint8Array {
    if (this.parts.length === 1) return this.parts[0]!;
    const out = new Uint8Array(this.total);
    let offset = 0;
    for (const p of this.parts) {
      out.set(p, offset);
      offset += p.byteLength;
    }
    return out;
  }
}

function innerName(name: string): string {
  return name.replace(/\.(gz|gzip)$/i, '') || 'unpacked';
}

/** Unpack a .gz file (read from the source slice by slice) into an in-memory source. */
export async function gunzipSource(
  source: SourceFile,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
  sliceSize = 8 * 1024 * 1024,
): Promise<SourceFile> {
  const out = new Collector(source.size, source.name);
  let failure: unknown = null;
  const gunzip = new Gunzip((chunk) => {
    if (failure) return;
    try {
      out.add(chunk);
    } catch (e) {
      failure = e;
    }
  });
  try {
    for (let start = 0; start < source.size; start += sliceSize) {
      signal?.throwIfAborted();
      const end = Math.min(source.size, start + sliceSize);
      const slice = await source.read(start, end);
      for (let i = 0; i < slice.byteLength && !failure; i += PUSH_BYTES) {
        const last = end === source.size && i + PUSH_BYTES >= slice.byteLength;
        gunzip.push(slice.subarray(i, i + PUSH_BYTES), last);
      }
      if (failure) throw failure;
      onProgress({ phase: 'unpack', done: end, total: source.size, unit: 'bytes' });
    }
  } catch (e) {
    if (e instanceof EngineError || (e instanceof DOMException && e.name === 'AbortError')) throw e;
    throw new EngineError('archive_invalid', (e as Error).message, { name: source.name });
  }
  return bytesSourceFile(innerName(source.name), out.bytes());
}

/**
 * Unpack the one data file inside a .zip. Returns null when the zip is really a workbook (an .xlsx
 * renamed .zip or with no extension): the caller reads it as Excel.
 */
export async function unzipSingleSource(
  source: SourceFile,
  onProgress: (p: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<{ file: SourceFile; entry: string } | null> {
  const bytes = await readAll(
    source,
    (done) => onProgress({ phase: 'read', done, total: source.size, unit: 'bytes' }),
    signal,
  );
  const entries = zipDirectory(bytes, source.name);
  if (entries.some((e) => e.name === 'xl/workbook.xml')) return null;
  checkZipDirectory(entries, source.size, source.name);
  const data = dataEntries(entries);
  if (data.length === 0)
    throw new EngineError('archive_empty', 'no file in the archive', { name: source.name });
  if (data.length > 1) {
    const names = data
      .map((e) => e.name)
      .slice(0, 5)
      .join(', ');
    throw new EngineError('archive_multiple', `${data.length} files: ${names}`, {
      name: source.name,
      count: data.length,
      names,
    });
  }
  const entry = data[0]!;
  // The ratio is taken against the bytes really read, never the sizes the directory declares
  // (a zip may lie there: issue 19 §5).
  const out = new Collector(source.size, source.name);
  let failure: unknown = null;
  let done = false;
  const unzip = new Unzip((file) => {
    if (file.name !== entry.name) return;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) failure = err;
      else {
        try {
          out.add(chunk);
        } catch (e) {
          failure = e;
          file.terminate();
        }
        if (final) done = true;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.byteLength && !failure && !done; i += PUSH_BYTES) {
      if (i % (64 * PUSH_BYTES) === 0) {
        signal?.throwIfAborted();
        onProgress({ phase: 'unpack', done: i, total: bytes.byteLength, unit: 'bytes' });
      }
      unzip.push(bytes.subarray(i, i + PUSH_BYTES), i + PUSH_BYTES >= bytes.byteLength);
    }
  } catch (e) {
    failure ??= e;
  }
  if (failure) {
    if (failure instanceof EngineError || (failure instanceof DOMException && failure.name === 'AbortError'))
      throw failure;
    throw new EngineError('archive_invalid', (failure as Error).message ?? String(failure), {
      name: source.name,
    });
  }
  const base = entry.name.split('/').pop()!;
  return { file: bytesSourceFile(base, out.bytes()), entry: entry.name };
}

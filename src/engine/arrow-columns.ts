/**
 * Arrow vectors from plain arrays without Arrow's builders. `vectorFromArray` compiles its null test
 * with `new Function`, which the page's Content-Security-Policy (inherited by the engine worker, issue
 * 19 §4) forbids; these build the buffers directly: same layout, no eval.
 */
import { Float64, Int32, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';

/** Validity bitmap (LSB first) and null count; `undefined` bitmap when nothing is null. */
function validity(values: readonly unknown[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  for (const v of values) if (v === null || v === undefined) nullCount++;
  if (nullCount === 0) return { nullBitmap: undefined, nullCount };
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) nullBitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap, nullCount };
}

const encoder = new TextEncoder();

/** A Utf8 vector; `null`/`undefined` become NULL. */
export function utf8Vector(values: readonly (string | null | undefined)[]): Vector<Utf8> {
  const encoded = values.map((v) => (v === null || v === undefined ? null : encoder.encode(v)));
  const valueOffsets = new Int32Array(values.length + 1);
  let total = 0;
  encoded.forEach((bytes, i) => {
    total += bytes?.length ?? 0;
    valueOffsets[i + 1] = total;
  });
  const data = new Uint8Array(total);
  encoded.forEach((bytes, i) => {
    if (bytes) data.set(bytes, valueOffsets[i]!);
  });
  const { nullBitmap, nullCount } = validity(values);
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap, valueOffsets, data }),
  );
}

/** A Float64 vector; `null`/`undefined` become NULL. */
export function float64Vector(values: readonly (number | null | undefined)[]): Vector<Float64> {
  const data = Float64Array.from(values, (v) => v ?? 0);
  const { nullBitmap, nullCount } = validity(values);
  return makeVector(makeData({ type: new Float64(), length: values.length, nullCount, nullBitmap, data }));
}

/** An Int32 vector; `null`/`undefined` become NULL. */
export function int32Vector(values: readonly (number | null | undefined)[]): Vector<Int32> {
  const data = Int32Array.from(values, (v) => v ?? 0);
  const { nullBitmap, nullCount } = validity(values);
  return makeVector(makeData({ type: new Int32(), length: values.length, nullCount, nullBitmap, data }));
}

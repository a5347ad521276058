/**
 * Benchmark CSV (engine-notes §4 schema): `customer_id,order_id,order_time,amount,category,channel`,
 * one row per order line. Customers = rows / 10 with a skew towards low ids (idx = ⌊n·u²⌋), orders of
 * 1–3 lines (≈ 1.3 on average, lines share customer, id and time), times uniform over
 * 2023-01-01..2025-12-31, log-normal amounts with 2 decimals of which ≈ 2 % are negative (refunds),
 * 20 categories, 5 skewed channels.
 *
 * Plain ASCII written into one byte buffer per chunk and decoded once: building 50k-row chunks from
 * small strings spends most of its time in the garbage collector (≈ 3× slower).
 */
import { DAY_MS, parseDay } from './calendar.ts';
import { mulberry32 } from './prng.ts';

export const BENCH_HEADERS = [
  'customer_id',
  'order_id',
  'order_time',
  'amount',
  'category',
  'channel',
] as const;

// prettier-ignore
const BENCH_CATEGORIES = [
  'beauty', 'snacks', 'drinks', 'baby', 'apparel', 'shoes', 'bags', 'home', 'kitchen', 'bedding',
  'digital', 'appliances', 'personal_care', 'cleaning', 'sports', 'outdoor', 'pets', 'health', 'books', 'toys',
];
const BENCH_CHANNELS = ['tmall', 'app', 'miniapp', 'douyin', 'store'];
/** Cumulative channel shares 40 / 25 / 15 / 12 / 8 %. */
const CHANNEL_CUM = [0.4, 0.65, 0.8, 0.92, 1];

const FIRST_DAY = parseDay('2023-01-01');
const DAYS = parseDay('2025-12-31') - FIRST_DAY + 1;
/** Longest possible row: 8 + 11 + 19 + up to 14 for the amount + 13 + 7 + separators. */
const MAX_ROW_BYTES = 96;

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const DAY_BYTES = Array.from({ length: DAYS }, (_, i) =>
  ascii(new Date((FIRST_DAY + i) * DAY_MS).toISOString().slice(0, 10)),
);
const CATEGORY_BYTES = BENCH_CATEGORIES.map(ascii);
const CHANNEL_BYTES = BENCH_CHANNELS.map(ascii);
const [COMMA, NL, DOT, COLON, SPACE, MINUS, ZERO] = [44, 10, 46, 58, 32, 45, 48];

/** CSV text in chunks of `chunkRows` rows; the first chunk starts with the header. Exactly `rows` data rows. */
export function* generateBenchCsvChunks(rows: number, seed: number, chunkRows = 50_000): Generator<string> {
  if (!Number.isInteger(rows) || rows < 0)
    throw new Error(`rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(chunkRows) || chunkRows < 1)
    throw new Error(`chunkRows must be a positive integer, got ${chunkRows}`);
  const rng = mulberry32(seed);
  const customers = Math.max(1, Math.floor(rows / 10));
  const decoder = new TextDecoder('latin1');
  const buf = new Uint8Array(chunkRows * MAX_ROW_BYTES);
  let at = 0;
  const bytes = (b: Uint8Array) => {
    buf.set(b, at);
    at += b.length;
  };
  /** `n` as exactly `width` digits (zero-padded; `n` must fit). */
  const digits = (n: number, width: number) => {
    for (let i = at + width - 1; i >= at; i--, n = Math.floor(n / 10)) buf[i] = ZERO + (n % 10);
    at += width;
  };
  const width = (n: number) => {
    let w = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) w++;
    return w;
  };

  let chunk = `${BENCH_HEADERS.join(',')}\n`;
  let inChunk = 0;
  let written = 0;
  let orderNo = 0;
  while (written < rows) {
    const u = rng();
    const customer = Math.floor(customers * u * u) + 1;
    const order = ++orderNo;
    const day = Math.floor(rng() * DAYS);
    const second = Math.floor(rng() * 86_400);
    const r = rng();
    const lines = Math.min(r < 0.75 ? 1 : r < 0.95 ? 2 : 3, rows - written);
    for (let l = 0; l < lines; l++) {
      const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
      const cents = Math.max(1, Math.round(Math.exp(4 + 0.9 * z) * 100));
      buf[at++] = 67; // C
      digits(customer, Math.max(7, width(customer)));
      buf[at++] = COMMA;
      buf[at++] = 79; // O
      digits(order, 10);
      buf[at++] = COMMA;
      bytes(DAY_BYTES[day]!);
      buf[at++] = SPACE;
      digits(Math.floor(second / 3600), 2);
      buf[at++] = COLON;
      digits(Math.floor(second / 60) % 60, 2);
      buf[at++] = COLON;
      digits(second % 60, 2);
      buf[at++] = COMMA;
      if (rng() < 0.02) buf[at++] = MINUS;
      const yuan = Math.floor(cents / 100);
      digits(yuan, width(yuan));
      buf[at++] = DOT;
      digits(cents % 100, 2);
      buf[at++] = COMMA;
      const c = rng();
      bytes(CATEGORY_BYTES[Math.floor(c * c * CATEGORY_BYTES.length)]!);
      buf[at++] = COMMA;
      const ch = rng();
      let channel = 0;
      while (ch >= CHANNEL_CUM[channel]!) channel++;
      bytes(CHANNEL_BYTES[channel]!);
      buf[at++] = NL;
      written++;
      if (++inChunk === chunkRows) {
        yield chunk + decoder.decode(buf.subarray(0, at));
        chunk = '';
        inChunk = 0;
        at = 0;
      }
    }
  }
  if (chunk || at > 0) yield chunk + decoder.decode(buf.subarray(0, at));
}

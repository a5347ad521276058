/**
 * Share links (issue 5): the config as `#cfg=<base64url(raw DEFLATE(JSON))>` in the URL fragment,
 * which browsers never send to a server. Decoding treats the link as hostile: the encoded length
 * is capped before any work, inflation stops as soon as the output passes MAX_CONFIG_BYTES
 * (streaming `Inflate`, never `inflateSync` on untrusted input), and every failure is a value.
 */
import { Inflate, deflateSync } from 'fflate';
import type { AnalysisConfig } from './schema.ts';
import {
  ConfigTooLargeError,
  MAX_CONFIG_BYTES,
  fail,
  parseConfigJson,
  utf8Length,
  type ParseResult,
} from './parse-config.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';

export const SHARE_PARAM = 'cfg';
/**
 * Longest accepted `cfg` value, in characters: room for MAX_CONFIG_BYTES stored uncompressed
 * (DEFLATE stored blocks add 5 bytes per 64 KiB) in base64 (4 characters per 3 bytes), rounded up.
 */
export const MAX_ENCODED_CHARS = 88 * 1024;
/** Input is fed to the inflater in slices this small so one push cannot expand past ~1 MB. */
const INFLATE_SLICE = 1024;

function configJson(config: AnalysisConfig): string {
  const json = JSON.stringify(config);
  const size = utf8Length(json);
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigTooLargeError(`config is ${size} bytes, over the ${MAX_CONFIG_BYTES} byte share limit`);
  }
  return json;
}

/** `#cfg=…` for `config` (compact JSON, DEFLATE level 9). Throws ConfigTooLargeError past MAX_CONFIG_BYTES. */
export function encodeShareFragment(config: AnalysisConfig): string {
  const bytes = new TextEncoder().encode(configJson(config));
  return `#${SHARE_PARAM}=${encodeBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

/** `baseUrl` with its fragment replaced by the config's share fragment (query and path kept). */
/**
 * The link of a config. The user's file names stay out unless `includeFileNames` (issue 19 §8): a
 * link travels further than the person who made it.
 */
export function buildShareUrl(
  baseUrl: string | URL,
  config: AnalysisConfig,
  options: { includeFileNames?: boolean } = {},
): string {
  const url = new URL(baseUrl);
  url.hash = encodeShareFragment(options.includeFileNames ? config : withoutFileNames(config));
  return url.toString();
}

/** The config with every source's fileNameHint removed. */
export function withoutFileNames(config: AnalysisConfig): AnalysisConfig {
  return {
    ...config,
    sources: config.sources.map((s) => {
      const { fileNameHint: _hint, ...rest } = s;
      return rest as typeof s;
    }),
  };
}

/** Whether a config asks for personal data to be shown unmasked (a link may only suggest it). */
export function suggestsUnmasked(config: AnalysisConfig): boolean {
  return config.view.maskPii === false;
}

/** The raw `cfg` value of a fragment (`#cfg=…`, `cfg=…`, or `#a=1&cfg=…`), or null when absent. */
export function shareParam(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of body.split('&')) {
    if (part.startsWith(`${SHARE_PARAM}=`)) return part.slice(SHARE_PARAM.length + 1);
  }
  return null;
}

export function hasShareFragment(hash: string): boolean {
  return shareParam(hash) !== null;
}

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'too_large' | 'truncated' | 'corrupt'; detail: string };

/**
 * Inflate raw DEFLATE data, giving up once the output exceeds `limit` bytes. Memory stays bounded
 * (about `limit` plus one slice's expansion) whatever the input claims to expand to.
 */
export function inflateCapped(data: Uint8Array, limit: number = MAX_CONFIG_BYTES): InflateResult {
  if (data.length === 0) return { ok: false, reason: 'truncated', detail: 'no data' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_SLICE) {
      const end = Math.min(i + INFLATE_SLICE, data.length);
      inflater.push(data.subarray(i, end), end === data.length);
      if (total > limit) return { ok: false, reason: 'too_large', detail: `more than ${limit} bytes` };
      if (finished) break;
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { ok: false, reason: code === 0 ? 'truncated' : 'corrupt', detail: (e as Error).message };
  }
  if (!finished) return { ok: false, reason: 'truncated', detail: 'stream ended early' };
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes: out };
}

const TRUNCATED =
  'the link is incomplete (it was probably cut off when copied); ask for the whole link or the .json file';
const CORRUPT = 'the link does not contain a readable Customer Lens config';

/** Decode a location hash into a validated config. Never throws; every failure is an issue. */
export function decodeShareFragment(hash: string): ParseResult {
  const raw = shareParam(hash);
  if (raw === null) return fail('no_link_config', `the link has no "${SHARE_PARAM}=" part`);
  // Mail clients wrap long links and some chat apps add padding; neither is part of the data.
  const text = raw.replace(/\s+/g, '').replace(/={1,2}$/, '');
  if (text.length > MAX_ENCODED_CHARS) {
    return fail('link_too_long', `the link is longer than the ${MAX_ENCODED_CHARS} character limit`, '', {
      limit: MAX_ENCODED_CHARS,
    });
  }
  if (text.length === 0) return fail('link_truncated', TRUNCATED);
  const decoded = decodeBase64Url(text);
  if (!decoded.ok) {
    return decoded.reason === 'truncated'
      ? fail('link_truncated', TRUNCATED)
      : fail('link_bad_characters', 'the link contains characters that cannot be part of a config link');
  }
  const inflated = inflateCapped(decoded.bytes);
  if (!inflated.ok) {
    if (inflated.reason === 'too_large') {
      return fail('too_large', `the link expands to more than the ${MAX_CONFIG_BYTES / 1024} KiB limit`, '', {
        limitKb: MAX_CONFIG_BYTES / 1024,
      });
    }
    if (inflated.reason === 'truncated') return fail('link_truncated', TRUNCATED);
    return fail('link_corrupt', `${CORRUPT} (${inflated.detail})`, '', { detail: inflated.detail });
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return fail('link_corrupt', `${CORRUPT} (not UTF-8 text)`, '', { detail: 'not UTF-8 text' });
  }
  return parseConfigJson(json);
}

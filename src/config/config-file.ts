/**
 * Configs as `.json` files (issue 5): for long configs, e-mail and the CLI (`--config` reads the
 * same file through parseConfigFile). The file holds exactly the schema — nothing else — so the
 * link, the file and the CLI accept the same thing, with the same MAX_CONFIG_BYTES limit.
 */
import type { AnalysisConfig } from './schema.ts';
import {
  ConfigTooLargeError,
  MAX_CONFIG_BYTES,
  parseConfigJson,
  utf8Length,
  type ParseResult,
} from './parse-config.ts';

export const CONFIG_FILE_EXTENSION = '.json';
export const CONFIG_FILE_MIME = 'application/json';
const DEFAULT_BASENAME = 'customer-lens-config';
const MAX_BASENAME = 80;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Pretty-printed JSON (2 spaces, trailing newline); compact when indentation alone would pass the
 * limit, so every config that fits a link also fits a file. Throws ConfigTooLargeError past MAX_CONFIG_BYTES.
 */
export function serializeConfigFile(config: AnalysisConfig): string {
  let text = `${JSON.stringify(config, null, 2)}\n`;
  if (utf8Length(text, MAX_CONFIG_BYTES) > MAX_CONFIG_BYTES) text = JSON.stringify(config);
  const size = utf8Length(text);
  if (size > MAX_CONFIG_BYTES) {
    throw new ConfigTooLargeError(`config file is ${size} bytes, over the ${MAX_CONFIG_BYTES} byte limit`);
  }
  return text;
}

/** Parse a config file's text (a leading BOM from Windows editors is ignored). Never throws. */
export function parseConfigFile(text: string): ParseResult {
  return parseConfigJson(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/**
 * A safe download name from the config's name: characters no file system accepts, control
 * characters and leading dots removed, length bounded; `customer-lens-config.json` when nothing is left.
 */
export function configFileName(config: Pick<AnalysisConfig, 'name'>): string {
  let base = (config.name ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[. ]+$/, '');
  base = Array.from(base).slice(0, MAX_BASENAME).join('').trim();
  if (base === '' || WINDOWS_RESERVED.test(base)) base = DEFAULT_BASENAME;
  return `${base}${CONFIG_FILE_EXTENSION}`;
}

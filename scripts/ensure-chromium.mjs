#!/usr/bin/env node
// Find a Chromium for the end-to-end tests; install Debian's package when we can (root + apt-get).
// Browser downloads do not work on our machines, so Playwright's own browsers are never fetched.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

/**
 * Flags for headless Chromium on our machines (plus Playwright's --headless and a fresh
 * --user-data-dir per session): without the networking ones Chromium tries Google's hosts.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p)) ?? null;
}

function canApt() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    return typeof process.getuid === 'function' && process.getuid() === 0;
  } catch {
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let found = findChromium();
  if (!found && canApt()) {
    console.log('Installing Debian chromium (and CJK fonts for screenshots) with apt-get …');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk',
      {
        stdio: 'inherit',
      },
    );
    found = findChromium();
  }
  if (!found) {
    console.error(
      'No Chromium found: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.',
    );
    process.exit(1);
  }
  console.log(`Chromium: ${found}`);
}

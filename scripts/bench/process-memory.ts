/**
 * Peak resident memory of Chromium's renderer processes (page + workers + wasm heap live there),
 * sampled from /proc every 200 ms. performance.memory only sees the page's JS heap, so it is useless
 * for DuckDB's wasm memory (engine-notes §4).
 */
import { readdirSync, readFileSync } from 'node:fs';

interface Proc {
  pid: number;
  ppid: number;
  rssBytes: number;
  cmdline: string;
}

function listProcs(): Proc[] {
  const procs: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const rss = /VmRSS:\s+(\d+) kB/.exec(status);
      procs.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        rssBytes: rss ? Number(rss[1]) * 1024 : 0,
        cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '),
      });
    } catch {
      // The process ended while we looked.
    }
  }
  return procs;
}

/** Sum of RSS of renderer processes descending from the Chromium started with this user-data-dir. */
export function rendererRss(userDataDir: string): { renderer: number; all: number } {
  const procs = listProcs();
  const root = procs.find(
    (p) => p.cmdline.includes(`--user-data-dir=${userDataDir}`) && !p.cmdline.includes('--type='),
  );
  if (!root) return { renderer: 0, all: 0 };
  const tree = new Set([root.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  let renderer = 0;
  let all = 0;
  for (const p of procs) {
    if (!tree.has(p.pid)) continue;
    all += p.rssBytes;
    if (p.cmdline.includes('--type=renderer')) renderer += p.rssBytes;
  }
  return { renderer, all };
}

export class PeakSampler {
  peakRenderer = 0;
  peakAll = 0;
  #timer: NodeJS.Timeout;
  constructor(userDataDir: string, intervalMs = 200) {
    this.#timer = setInterval(() => {
      const { renderer, all } = rendererRss(userDataDir);
      this.peakRenderer = Math.max(this.peakRenderer, renderer);
      this.peakAll = Math.max(this.peakAll, all);
    }, intervalMs);
  }
  stop(): void {
    clearInterval(this.#timer);
  }
}

/** Refuse, before any work, a file the tab cannot hold; the error carries the estimate (issue 2). */
import { EngineError } from '../engine-error.ts';
import type { SourceFile } from '../source-file.ts';
import { estimateMemory, toGigabytes } from '../../ingest/memory-estimate.ts';

export function assertFits(kind: Parameters<typeof estimateMemory>[0], source: SourceFile): void {
  const estimate = estimateMemory(kind, source.size);
  if (!estimate.fits) {
    throw new EngineError('needs_memory', `needs about ${estimate.neededBytes} bytes of memory`, {
      name: source.name,
      needGb: toGigabytes(estimate.neededBytes),
    });
  }
}

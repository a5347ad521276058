/**
 * The main thread's handle on the engine worker: starts it, forwards calls through comlink, and keeps
 * a count of work in flight so the page can say it is busy (aria-busy on <html>).
 */
import * as Comlink from 'comlink';
import type { EngineApi, EngineInfo, LoadFileOptions, Result } from '../engine/engine-api.ts';
import type { LoadProgress, TableProfile } from '../engine/ingest/load-source.ts';
import { decodeIpc, type DecodedResult } from '../engine/arrow-rows.ts';

export type BusyListener = (busy: boolean) => void;

export class EngineClient {
  readonly #worker: Worker;
  readonly #api: Comlink.Remote<EngineApi>;
  #inFlight = 0;
  #onBusy: BusyListener;

  constructor(onBusy: BusyListener) {
    this.#onBusy = onBusy;
    this.#worker = new Worker(new URL('../engine/engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'customer-lens-engine',
    });
    this.#api = Comlink.wrap<EngineApi>(this.#worker);
  }

  async #track<T>(work: Promise<T>): Promise<T> {
    if (this.#inFlight++ === 0) this.#onBusy(true);
    try {
      return await work;
    } finally {
      if (--this.#inFlight === 0) this.#onBusy(false);
    }
  }

  init(): Promise<Result<EngineInfo>> {
    return this.#track<Result<EngineInfo>>(this.#api.init());
  }

  loadFile(
    file: File,
    options: LoadFileOptions,
    onProgress: (p: LoadProgress) => void,
  ): Promise<Result<TableProfile>> {
    return this.#track<Result<TableProfile>>(this.#api.loadFile(file, options, Comlink.proxy(onProgress)));
  }

  async query(sql: string): Promise<Result<DecodedResult>> {
    const result = await this.#track<Result<Uint8Array>>(this.#api.query(sql));
    return result.ok ? { ok: true, value: decodeIpc(result.value) } : result;
  }

  exec(sql: string): Promise<Result<null>> {
    return this.#track<Result<null>>(this.#api.exec(sql));
  }

  dropTable(table: string): Promise<Result<null>> {
    return this.#track<Result<null>>(this.#api.dropTable(table));
  }

  cancel() {
    return this.#api.cancel();
  }

  terminate() {
    this.#worker.terminate();
  }
}

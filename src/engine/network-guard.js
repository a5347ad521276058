/**
 * Network guard for a worker that cannot take the page's Content-Security-Policy (issue 19 §4): the
 * service worker is registered from its own URL, so dist/sw.js has this script inlined at its top. It
 * closes every way out of the origin — fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport,
 * importScripts and nested workers to another origin — before the worker's own code runs, and the
 * bindings it replaces cannot be put back. tests/e2e/hostile.e2e.ts fetches another origin from
 * inside the service worker.
 *
 * Not used for DuckDB's own worker yet: loading DuckDB's script after the guard (importScripts) broke
 * the offline start, and DuckDB's script does not run as a module after it; that worker's network
 * path is DuckDB's HTTP file system, closed by enable_external_access = false (db-port.ts).
 */
(() => {
  'use strict';
  const g = self;
  const here = g.location.href;
  const origin = g.location.origin;
  const MESSAGE = 'Customer Lens: a request to another origin was blocked';
  const sameOrigin = (url) => {
    try {
      return new URL(String(url), here).origin === origin;
    } catch {
      return false;
    }
  };
  const lock = (owner, name, value) =>
    Object.defineProperty(owner, name, { value, writable: false, configurable: false });

  const realFetch = g.fetch.bind(g);
  lock(g, 'fetch', (input, init) =>
    sameOrigin(typeof input === 'object' && input !== null && 'url' in input ? input.url : input)
      ? realFetch(input, init)
      : Promise.reject(new TypeError(MESSAGE)),
  );

  if (typeof g.XMLHttpRequest === 'function') {
    const realOpen = g.XMLHttpRequest.prototype.open;
    lock(g.XMLHttpRequest.prototype, 'open', function open(method, url, ...rest) {
      if (!sameOrigin(url)) throw new DOMException(MESSAGE, 'SecurityError');
      return realOpen.call(this, method, url, ...rest);
    });
  }

  const refuse = function () {
    throw new DOMException(MESSAGE, 'SecurityError');
  };
  for (const name of ['WebSocket', 'EventSource', 'WebTransport']) if (name in g) lock(g, name, refuse);

  for (const name of ['Worker', 'SharedWorker']) {
    const Real = g[name];
    if (typeof Real !== 'function') continue;
    lock(g, name, function (url, options) {
      if (!sameOrigin(url)) throw new DOMException(MESSAGE, 'SecurityError');
      return new Real(url, options);
    });
  }

  if (typeof g.importScripts === 'function') {
    const realImport = g.importScripts.bind(g);
    lock(g, 'importScripts', (...urls) => {
      if (!urls.every(sameOrigin)) throw new DOMException(MESSAGE, 'SecurityError');
      return realImport(...urls);
    });
  }
})();

/**
 * Offline install (issue 17): registers the build's service worker (dist/sw.js, see
 * src/pwa/service-worker-source.ts) and reports when a newer version is installed and waiting, with the
 * function that makes it take over (the page then reloads once). Production builds only: in dev mode
 * Vite serves modules itself and nothing is registered.
 */
import { SKIP_WAITING } from '../pwa/service-worker-source.ts';

/** Called when a new version waits; `apply` lets it take over and reloads the page. */
export type UpdateListener = (apply: () => void) => void;

export async function registerServiceWorker(onUpdate: UpdateListener): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let registration: ServiceWorkerRegistration;
  try {
    registration = await container.register('./sw.js', { scope: './' });
  } catch {
    return; // no offline copy (e.g. a private window): the app still works online
  }
  let reloading = false;
  const offer = (worker: ServiceWorker) =>
    onUpdate(() => {
      container.addEventListener('controllerchange', () => {
        if (reloading) return;
        reloading = true;
        location.reload();
      });
      worker.postMessage({ type: SKIP_WAITING });
    });
  // A waiting worker while another controls the page is a new version; the very first install
  // activates by itself (nothing to replace).
  if (registration.waiting && container.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && container.controller) offer(installing);
    });
  });
}

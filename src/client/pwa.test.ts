import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerServiceWorker } from './pwa.ts';
import { SKIP_WAITING } from '../pwa/service-worker-source.ts';

type Handler = () => void;

/** A fake service worker container: one registration, `controller` set when a version controls the page. */
function fakeContainer(options: { controlled: boolean; waiting: boolean }) {
  const listeners: Record<string, Handler[]> = {};
  const on = (type: string, f: Handler) => (listeners[type] ??= []).push(f);
  const posted: unknown[] = [];
  const worker = (state: string) => {
    const l: Handler[] = [];
    return {
      state,
      postMessage: (m: unknown) => posted.push(m),
      addEventListener: (_: string, f: Handler) => l.push(f),
      fire(next: string) {
        this.state = next;
        l.forEach((f) => f());
      },
    };
  };
  const registration = {
    waiting: options.waiting ? worker('installed') : null,
    installing: null as ReturnType<typeof worker> | null,
    updateListeners: [] as Handler[],
    addEventListener(_: string, f: Handler) {
      this.updateListeners.push(f);
    },
  };
  const register = vi.fn(async () => registration);
  const container = {
    controller: options.controlled ? {} : null,
    register,
    addEventListener: on,
    fire: (type: string) => listeners[type]?.forEach((f) => f()),
  };
  const reload = vi.fn();
  vi.stubGlobal('navigator', { serviceWorker: container });
  vi.stubGlobal('location', { reload });
  return { container, registration, register, posted, reload, worker };
}

afterEach(() => vi.unstubAllGlobals());

describe('registerServiceWorker', () => {
  it('registers ./sw.js with a relative scope; a first install offers nothing', async () => {
    const f = fakeContainer({ controlled: false, waiting: false });
    const onUpdate = vi.fn();
    await registerServiceWorker(onUpdate);
    expect(f.register).toHaveBeenCalledWith('./sw.js', { scope: './' });
    const installing = f.worker('installing');
    f.registration.installing = installing;
    f.registration.updateListeners.forEach((l) => l());
    installing.fire('installed');
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('offers a waiting version; reload makes it take over, then the page reloads once', async () => {
    const f = fakeContainer({ controlled: true, waiting: true });
    let apply: (() => void) | null = null;
    await registerServiceWorker((a) => (apply = a));
    expect(apply).not.toBeNull();
    expect(f.posted).toEqual([]);
    apply!();
    expect(f.posted).toEqual([{ type: SKIP_WAITING }]);
    f.container.fire('controllerchange');
    f.container.fire('controllerchange');
    expect(f.reload).toHaveBeenCalledTimes(1);
  });

  it('offers a version installed while the page is open', async () => {
    const f = fakeContainer({ controlled: true, waiting: false });
    const onUpdate = vi.fn();
    await registerServiceWorker(onUpdate);
    const installing = f.worker('installing');
    f.registration.installing = installing;
    f.registration.updateListeners.forEach((l) => l());
    expect(onUpdate).not.toHaveBeenCalled();
    installing.fire('installed');
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it('leaves the app working when registration fails or is unsupported', async () => {
    const f = fakeContainer({ controlled: false, waiting: false });
    f.register.mockRejectedValueOnce(new Error('denied'));
    await expect(registerServiceWorker(vi.fn())).resolves.toBeUndefined();
    vi.stubGlobal('navigator', {});
    await expect(registerServiceWorker(vi.fn())).resolves.toBeUndefined();
  });
});

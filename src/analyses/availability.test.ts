import { describe, expect, it } from 'vitest';
import { sectionAvailability } from './availability.ts';
import { sectionModules } from './registry.ts';

describe('what can I analyse with my files', () => {
  it('with no file, every section needs its roles', () => {
    const all = sectionAvailability([], []);
    expect(all.map((s) => s.id)).toEqual(sectionModules().map((m) => m.id));
    expect(all.every((s) => s.status === 'add')).toBe(true);
    expect(all.find((s) => s.id === 'rfm')).toMatchObject({ add: ['orders'], addOneOf: [] });
    expect(all.find((s) => s.id === 'campaigns')?.add).toEqual(['orders', 'touches']);
    expect(all.find((s) => s.id === 'basket')).toMatchObject({ add: [], addOneOf: ['orders', 'baskets'] });
  });

  it('loaded roles wait for cleaning; cleaned roles open their sections; the rest say what to add', () => {
    const s = sectionAvailability(['orders'], ['orders', 'touches']);
    const by = (id: string) => s.find((x) => x.id === id)!;
    expect(by('rfm').status).toBe('open');
    expect(by('basket').status).toBe('open');
    expect(by('campaigns')).toMatchObject({ status: 'clean', add: [] });
    expect(by('funnel')).toMatchObject({ status: 'add', add: ['events'] });
    expect(by('leads')).toMatchObject({ status: 'add', add: ['leads'] });
    const t = sectionAvailability(['orders', 'touches'], ['orders', 'touches']);
    expect(t.find((x) => x.id === 'campaigns')?.status).toBe('open');
  });
});

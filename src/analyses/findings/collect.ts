/**
 * Gathering findings (issue 17): which registered modules contribute for the roles at hand, the plan
 * that computes a module's findings (its `prepare`, then its findings plan), ranking, and the CLI's
 * findings.json shape. Shared by the app's Findings overview and `customer-lens analyze`.
 */
import type { AnalysisModule, FindingsSpec, ModulePlan, PlanContext } from '../contract.ts';
import { MODULES } from '../registry.ts';
import type { Finding } from './finding.ts';

export type FindingsModule = AnalysisModule<unknown, unknown> & { readonly findings: FindingsSpec<unknown> };

/** Modules with findings whose dataset roles are all there. */
export function findingModules(roles: readonly string[]): FindingsModule[] {
  return (MODULES as readonly AnalysisModule<unknown, unknown>[]).filter(
    (m): m is FindingsModule =>
      m.findings !== undefined &&
      m.needs.every((r) => roles.includes(r)) &&
      (!m.needsAny || m.needsAny.some((r) => roles.includes(r))),
  );
}

/** Every module with findings, whatever the data (the overview names those that could not run). */
export function allFindingModules(): FindingsModule[] {
  return (MODULES as readonly AnalysisModule<unknown, unknown>[]).filter(
    (m): m is FindingsModule => m.findings !== undefined,
  );
}

/** The module's `prepare` statements, then its findings plan (one round trip). */
export function findingsPlan(module: FindingsModule, config: unknown, ctx: PlanContext): ModulePlan {
  const plan = module.findings.plan(config, ctx);
  return {
    statements: [...module.prepare(config, ctx), ...plan.statements],
    queries: plan.queries,
    ...(plan.models ? { models: plan.models } : {}),
  };
}

/** Highest score first; ties by module order, then id (stable across runs). */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const order = new Map(MODULES.map((m, i) => [m.id as string, i]));
  return [...findings].sort(
    (a, b) =>
      b.score - a.score ||
      (order.get(a.module) ?? 99) - (order.get(b.module) ?? 99) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** One entry of findings.json. */
export interface FindingJson {
  id: string;
  module: string;
  severity: number;
  kind: Finding['kind'];
  text_zh: string;
  text_en: string;
  title_zh: string;
  title_en: string;
  numbers: Finding['numbers'];
  period: Finding['period'] | null;
  link: Finding['link'];
  group_size: number | null;
}

export function findingJson(f: Finding): FindingJson {
  return {
    id: f.id,
    module: f.module,
    severity: f.score,
    kind: f.kind,
    text_zh: f.text['zh-CN'],
    text_en: f.text.en,
    title_zh: f.title['zh-CN'],
    title_en: f.title.en,
    numbers: f.numbers,
    period: f.period ?? null,
    link: f.link,
    group_size: f.group?.size ?? null,
  };
}

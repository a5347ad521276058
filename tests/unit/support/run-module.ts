/**
 * Running a module's plans on a Node DbPort in tests (issue 11): what the client runner and the CLI
 * do with a plan, without the queue — statements in order, then each named query decoded.
 */
import type { DbPort } from '../../../src/engine/db-port.ts';
import { decodeIpc } from '../../../src/client/decode.ts';
import { runModelStep } from '../../../src/engine/run-model.ts';
import type { ExportPlan, ModulePlan, Part, PlanContext, QueryRows } from '../../../src/analyses/contract.ts';

/** Rows of every query of `plan`, after its statements. */
export async function runPlan(db: DbPort, plan: ModulePlan): Promise<QueryRows> {
  for (const sql of plan.statements) await db.exec(sql);
  for (const step of plan.models ?? []) await runModelStep(db, step, new AbortController().signal);
  const rows: Record<string, QueryRows[string]> = {};
  for (const [name, sql] of Object.entries(plan.queries)) rows[name] = decodeIpc(await db.queryIpc(sql)).rows;
  return rows;
}

/** A part's typed result, as `app.runner.run` would give it. */
export async function runPart<C, P, R>(
  db: DbPort,
  part: Part<C, P, R>,
  config: C,
  ctx: PlanContext,
  params: P,
) {
  return part.read(await runPlan(db, part.plan(config, ctx, params)), params, config);
}

/**
 * Bind every query of a plan without running it: statements run (later queries read their tables),
 * then `EXPLAIN` each query. Resolves to the names explained; rejects with the binder's message.
 */
export async function explainPlan(db: DbPort, plan: ModulePlan | ExportPlan): Promise<string[]> {
  for (const sql of plan.statements) await db.exec(sql);
  for (const step of plan.models ?? []) await runModelStep(db, step, new AbortController().signal);
  const queries = 'query' in plan ? { query: plan.query } : plan.queries;
  for (const sql of Object.values(queries)) await db.queryIpc(`EXPLAIN ${sql}`);
  return Object.keys(queries);
}

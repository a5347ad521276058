/**
 * The action plan (issue 17): the seed's "问题定位 / 原因分析 / 解决方案 / 责任分工 / 时间节点" as a board of
 * actions saved with the configuration. No customer data: text the user wrote, a KPI id and its
 * baseline number.
 */
import * as v from 'valibot';

const Text = v.pipe(v.string(), v.maxLength(2000));
const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const ACTION_STATUSES = ['todo', 'doing', 'done', 'dropped'] as const;

export const ActionSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,80}$/)),
  problem: Text,
  cause: v.optional(Text, ''),
  solution: v.optional(Text, ''),
  owner: v.optional(v.pipe(v.string(), v.maxLength(200)), ''),
  due: v.optional(v.nullable(IsoDate), null),
  status: v.optional(v.picklist(ACTION_STATUSES), 'todo'),
  /** The KPI to watch: a finding's numbers key or a named KPI (`<module>.<kpi>`), and its value then. */
  kpi: v.optional(
    v.nullable(
      v.strictObject({
        id: v.pipe(v.string(), v.maxLength(200)),
        label: v.optional(Text, ''),
        baseline: v.nullable(v.number()),
        baselineDate: v.optional(v.nullable(IsoDate), null),
      }),
    ),
    null,
  ),
  /** The finding it was created from (Finding.id), if any. */
  fromFinding: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200))), null),
});

export const ActionsSchema = v.pipe(v.array(ActionSchema), v.maxLength(200));

export type Action = v.InferOutput<typeof ActionSchema>;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

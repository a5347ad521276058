/**
 * The data-table alternative of a chart (issue 18, accessibility): the numbers an ECharts option
 * draws, as a plain table of text and numbers, read from the option itself so every chart gets one
 * without its builder doing anything. Pure; the UI renders the cells as text (never HTML).
 *
 * Understood shapes: category axes with bar/line/scatter series, heatmaps on two category axes,
 * pie/funnel/treemap items, sankey/graph links, and scatter points of numbers. Anything else: null
 * (the caller then shows no table rather than a wrong one).
 */

export type TableCell = string | number | null;

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
}

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);

/** A data item's value: a number, `{ value }`, or the last element of an array item. */
function cell(x: unknown): TableCell {
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (typeof x === 'string') return x;
  if (isObj(x)) return cell(x.value);
  if (Array.isArray(x)) return cell(x[x.length - 1]);
  return null;
}

function label(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return String(x);
  if (isObj(x)) return label(x.value ?? x.name);
  return '';
}

function axisName(axis: unknown, fallback: string): string {
  return isObj(axis) && typeof axis.name === 'string' && axis.name ? axis.name : fallback;
}

function flattenItems(data: unknown[], prefix = ''): [string, TableCell][] {
  return data.flatMap((d) => {
    if (!isObj(d)) return [];
    const name = prefix ? `${prefix} / ${label(d.name)}` : label(d.name);
    const children = asArray(d.children);
    return children.length > 0
      ? flattenItems(children, name)
      : [[name, cell(d.value)] as [string, TableCell]];
  });
}

export interface ChartTableLabels {
  readonly category: string;
  readonly value: string;
  readonly from: string;
  readonly to: string;
}

const DEFAULT_LABELS: ChartTableLabels = { category: 'Category', value: 'Value', from: 'From', to: 'To' };

export function chartTable(option: unknown, labels: ChartTableLabels = DEFAULT_LABELS): ChartTable | null {
  if (!isObj(option)) return null;
  const series = asArray(option.series).filter(isObj);
  if (series.length === 0) return null;
  const types = new Set(series.map((s) => s.type));
  const first = series[0]!;
  const name = (s: Obj, i: number) =>
    typeof s.name === 'string' && s.name ? s.name : `${labels.value} ${i + 1}`;

  if (types.size === 1 && (types.has('pie') || types.has('funnel') || types.has('treemap'))) {
    const rows = flattenItems(asArray(first.data));
    return { columns: [labels.category, name(first, 0)], rows };
  }
  if (types.size === 1 && (types.has('sankey') || types.has('graph'))) {
    const links = asArray(first.links ?? first.edges).filter(isObj);
    if (links.length === 0) return null;
    return {
      columns: [labels.from, labels.to, labels.value],
      rows: links.map((l) => [label(l.source), label(l.target), cell(l.value)]),
    };
  }

  const xAxis = asArray(option.xAxis)[0];
  const yAxis = asArray(option.yAxis)[0];
  const categories = (axis: unknown): string[] | null =>
    isObj(axis) && Array.isArray(axis.data) ? axis.data.map(label) : null;
  const xCats = categories(xAxis);
  const yCats = categories(yAxis);

  if (types.size === 1 && types.has('heatmap') && xCats && yCats) {
    const rows = asArray(first.data).flatMap((d) => {
      const v = isObj(d) ? d.value : d;
      if (!Array.isArray(v) || v.length < 3) return [];
      const [xi, yi, z] = v as unknown[];
      const x = typeof xi === 'number' ? (xCats[xi] ?? String(xi)) : label(xi);
      const y = typeof yi === 'number' ? (yCats[yi] ?? String(yi)) : label(yi);
      return [[y, x, cell(z)] as TableCell[]];
    });
    return {
      columns: [axisName(yAxis, labels.category), axisName(xAxis, labels.category), name(first, 0)],
      rows,
    };
  }

  const cats = xCats ?? yCats;
  if (cats && [...types].every((t) => t === 'bar' || t === 'line' || t === 'scatter')) {
    const catAxis = xCats ? xAxis : yAxis;
    const rows = cats.map((c, i) => [c, ...series.map((s) => cell(asArray(s.data)[i]))]);
    return { columns: [axisName(catAxis, labels.category), ...series.map(name)], rows };
  }

  if ([...types].every((t) => t === 'scatter' || t === 'line')) {
    const rows = series.flatMap((s, i) =>
      asArray(s.data).flatMap((d) => {
        const v = isObj(d) ? d.value : d;
        if (!Array.isArray(v)) return [];
        return [[name(s, i), ...v.map((x) => (typeof x === 'number' || typeof x === 'string' ? x : null))]];
      }),
    );
    if (rows.length === 0) return null;
    const width = Math.max(...rows.map((r) => r.length));
    const dims = [axisName(xAxis, 'x'), axisName(yAxis, 'y')];
    const columns = [
      labels.category,
      ...Array.from({ length: width - 1 }, (_, i) => dims[i] ?? `${labels.value} ${i + 1}`),
    ];
    // One series: its name on every row says nothing.
    return series.length === 1
      ? { columns: columns.slice(1), rows: rows.map((r) => r.slice(1)) }
      : { columns, rows };
  }
  return null;
}

/**
 * Nelder–Mead minimisation (issue 16), used to fit the BG/NBD and Gamma-Gamma models in log-parameter
 * space (so every parameter stays positive without constraints). Standard coefficients (reflection 1,
 * expansion 2, contraction ½, shrink ½; Lagarias et al., "Convergence properties of the Nelder–Mead
 * simplex method in low dimensions", SIAM J. Optim. 9(1), 1998), restarted from the best point with a
 * fresh simplex until a restart no longer improves the value: a single run can stall on a flat ridge.
 */

export interface MinimizeResult {
  /** Best point found. */
  x: number[];
  /** f(x). */
  value: number;
  /** Function evaluations over all restarts. */
  evaluations: number;
  /** Restarts run (the first run included). */
  restarts: number;
  /** True when the last restart moved the value less than the tolerance and the simplex collapsed. */
  converged: boolean;
}

export interface MinimizeOptions {
  /** Simplex step around the start (default 0.5: ×1.65 in parameter space). */
  step?: number;
  /** Stop a run when the values' spread and the simplex size are below these (defaults 1e-10, 1e-9). */
  fTol?: number;
  xTol?: number;
  maxEvaluations?: number;
  maxRestarts?: number;
  /** Checked every 50 evaluations; throwing stops the fit (Cancel). */
  onProgress?: (evaluations: number) => void;
}

function run(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  step: number,
  fTol: number,
  xTol: number,
  budget: number,
  onEval: () => void,
): { x: number[]; value: number; evaluations: number; collapsed: boolean } {
  const n = start.length;
  let evaluations = 0;
  const evalf = (x: number[]) => {
    evaluations++;
    onEval();
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    p[i] = p[i]! + step;
    simplex.push(p);
  }
  let values = simplex.map(evalf);
  let collapsed = false;
  while (evaluations < budget) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const s = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...s);
    const best = values[0]!;
    const worst = values[n]!;
    let size = 0;
    for (let i = 1; i <= n; i++) {
      for (let k = 0; k < n; k++) size = Math.max(size, Math.abs(simplex[i]![k]! - simplex[0]![k]!));
    }
    if (Math.abs(worst - best) <= fTol * (Math.abs(best) + 1e-12) && size <= xTol) {
      collapsed = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k]! += simplex[i]![k]! / n;
    const along = (t: number) => centroid.map((c, k) => c + t * (simplex[n]![k]! - c));
    const xr = along(-1);
    const fr = evalf(xr);
    if (fr < values[0]!) {
      const xe = along(-2);
      const fe = evalf(xe);
      if (fe < fr) {
        simplex[n] = xe;
        values[n] = fe;
      } else {
        simplex[n] = xr;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]!) {
      simplex[n] = xr;
      values[n] = fr;
    } else {
      const outside = fr < values[n]!;
      const xc = along(outside ? -0.5 : 0.5);
      const fc = evalf(xc);
      if (outside ? fc <= fr : fc < values[n]!) {
        simplex[n] = xc;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, k) => simplex[0]![k]! + 0.5 * (v - simplex[0]![k]!));
          values[i] = evalf(simplex[i]!);
        }
      }
    }
  }
  let bi = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[bi]!) bi = i;
  return { x: simplex[bi]!, value: values[bi]!, evaluations, collapsed };
}

/** Minimise f from `start` with restarts (see the file comment). */
export function minimize(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const step = options.step ?? 0.5;
  const fTol = options.fTol ?? 1e-10;
  const xTol = options.xTol ?? 1e-9;
  const maxEvaluations = options.maxEvaluations ?? 5000;
  const maxRestarts = options.maxRestarts ?? 8;
  let total = 0;
  const onEval = () => {
    total++;
    if (options.onProgress && total % 50 === 0) options.onProgress(total);
  };
  let best = run(f, start, step, fTol, xTol, maxEvaluations, onEval);
  let restarts = 1;
  let converged = false;
  while (restarts < maxRestarts && total < maxEvaluations) {
    const next = run(f, best.x, step / 4, fTol, xTol, maxEvaluations - total, onEval);
    restarts++;
    const improved = best.value - next.value;
    if (next.value < best.value) best = next;
    if (improved <= fTol * (Math.abs(best.value) + 1e-12) && next.collapsed) {
      converged = true;
      break;
    }
  }
  return { x: best.x, value: best.value, evaluations: total, restarts, converged };
}

/**
 * Self-calibration of the page's data responses. A response field fills a case only after it has
 * agreed with what the page itself shows for the same case: `refundFee` against the row's visible
 * 退款金额 (which also settles yuan against fen for bare numbers), a status code against the visible
 * status, and so on. A field that disagrees is switched off for its response shape (API + path of the
 * rows) and becomes a drift note; nothing it says reaches a case until every current check agrees
 * again. Checks are kept per case (the latest one of each), so a value that changes on the page is
 * checked again. Pure: no clock, no browser APIs.
 */

/** What one check of a data field against the page's value found. `yuan`/`fen`: a bare number agreed in that unit. */
export type Outcome = 'agree' | 'disagree' | 'yuan' | 'fen';

export interface Check {
  outcome: Outcome;
  /** The case it was checked on (platform:disputeId). */
  caseKey: string;
  /** The data's value and the page's, as text, for the evidence. */
  data: string;
  page: string;
  at: number;
}

/** Something the data path ignored or switched off, for the support tool and the sidebar's diagnostics. */
export interface DataNote {
  /** `off`: switched off (drift); `ignored`: left out, and why; `unconfirmed`: read by format only; `info`: the normal course (not shown in the sidebar). */
  level: 'off' | 'ignored' | 'unconfirmed' | 'info';
  shape?: string;
  field?: string;
  path?: string;
  /** Chinese first, English second; plain text. */
  text: string;
  evidence?: Check;
}

interface PathState {
  field: string;
  checks: Map<string, Check>;
}

/** The most checks kept per field path (the latest of each case); older ones go first. */
const MAX_CHECKS = 500;
/** The most shapes kept: a page that sends endless new shapes is not a page we can calibrate. */
const MAX_SHAPES = 50;

export interface Verdict {
  /** At least one agreement and no disagreement among the current checks. */
  confirmed: boolean;
  /** Some current check disagrees: the field is switched off. */
  off?: Check;
  /** For bare numbers: the unit they agreed in (undefined when unsettled or contradictory). */
  unit?: 'yuan' | 'fen';
}

const money = (o: Outcome) => o === 'yuan' || o === 'fen';

export class Calibration {
  private readonly shapes = new Map<string, Map<string, PathState>>();
  /** Verdicts as of the last check (a sale-day fill asks thousands of times between two checks). */
  private readonly verdicts = new Map<string, Map<string, Verdict>>();

  /** Record the latest check of one field path of a shape on one case. */
  record(shape: string, field: string, path: string, check: Check): void {
    this.verdicts.get(shape)?.delete(path);
    let paths = this.shapes.get(shape);
    if (!paths) {
      if (this.shapes.size >= MAX_SHAPES) {
        this.shapes.delete(this.shapes.keys().next().value!);
        this.verdicts.clear();
      }
      this.shapes.set(shape, (paths = new Map<string, PathState>()));
    }
    let state = paths.get(path);
    if (!state) paths.set(path, (state = { field, checks: new Map() }));
    state.checks.delete(check.caseKey);
    state.checks.set(check.caseKey, check);
    if (state.checks.size > MAX_CHECKS) state.checks.delete(state.checks.keys().next().value!);
  }

  verdict(shape: string, path: string): Verdict {
    let known = this.verdicts.get(shape);
    if (!known) this.verdicts.set(shape, (known = new Map<string, Verdict>()));
    let v = known.get(path);
    if (!v) known.set(path, (v = this.judge(shape, path)));
    return v;
  }

  private judge(shape: string, path: string): Verdict {
    const state = this.shapes.get(shape)?.get(path);
    if (!state) return { confirmed: false };
    let off: Check | undefined;
    let agreed = false;
    const units = new Set<'yuan' | 'fen'>();
    for (const c of state.checks.values()) {
      if (c.outcome === 'disagree') off ??= c;
      else agreed = true;
      if (money(c.outcome)) units.add(c.outcome);
    }
    if (units.size > 1) off ??= [...state.checks.values()].find((c) => c.outcome === 'fen')!;
    if (off) return { confirmed: false, off };
    return { confirmed: agreed, ...(units.size === 1 ? { unit: [...units][0] } : {}) };
  }

  /**
   * The money of a shape as a whole: confirmed once some money path agreed and none is off; `unit`
   * is what its bare numbers agreed in, for a money field the page never shows (e.g. 实付).
   */
  moneyVerdict(shape: string, moneyPaths: readonly string[]): Verdict {
    let confirmed = false;
    const units = new Set<'yuan' | 'fen'>();
    for (const path of moneyPaths) {
      const v = this.verdict(shape, path);
      if (v.off) return { confirmed: false, off: v.off };
      if (v.confirmed) confirmed = true;
      if (v.unit) units.add(v.unit);
    }
    return { confirmed, ...(units.size === 1 ? { unit: [...units][0] } : {}) };
  }

  /** Drift notes: every field path switched off, with the check that did it (of the given shapes, or all). */
  notes(shapes?: ReadonlySet<string>): DataNote[] {
    const out: DataNote[] = [];
    for (const [shape, paths] of this.shapes) {
      if (shapes && !shapes.has(shape)) continue;
      for (const [path, state] of paths) {
        const v = this.verdict(shape, path);
        if (!v.off) continue;
        const c = v.off;
        out.push({
          level: 'off',
          shape,
          field: state.field,
          path,
          text: `数据字段 ${path} 与页面不符，已停用（售后单 ${c.caseKey.split(':')[1] ?? c.caseKey}：数据 ${c.data}，页面 ${c.page}） / ${path} disagrees with the page and is switched off (case ${c.caseKey}: data ${c.data}, page ${c.page})`,
          evidence: c,
        });
      }
    }
    return out;
  }
}

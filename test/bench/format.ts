/** What every report section formats with: aligned tables, units, and the PASS/FAIL line of a target. */

export interface Verdict {
  target: string;
  pass: boolean;
  /** Measured ÷ limit for a ceiling (≤ 1 passes), limit ÷ measured for a floor. */
  ratio: number;
  line: string;
}

export function table(headers: string[], rows: string[][], alignLeft = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) =>
    i < alignLeft ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0);
  const line = (r: string[]) => `  ${r.map(cell).join('  ')}`;
  return [line(headers), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}

export const ms = (x: number): string => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '—');
export const kb = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '—');
export const int = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/**
 * A target that `measured` must not exceed (`limit`): PASS/FAIL with the ratio and the margin.
 * `unit` follows the numbers; `what` names the figure.
 */
export function ceiling(target: string, what: string, measured: number, limit: number, unit: string): Verdict {
  const r = measured / limit;
  const pass = Number.isFinite(measured) && measured <= limit;
  const margin = limit - measured;
  return {
    target,
    pass,
    ratio: r,
    line: `Target: ${target} → ${what} ${int(measured)} ${unit} vs ${int(limit)} ${unit} (${r.toFixed(2)}× the limit, ${margin >= 0 ? `${int(margin)} ${unit} to spare` : `${int(-margin)} ${unit} over`}): ${pass ? 'PASS' : 'FAIL'}`,
  };
}

/** A target that `measured` must reach (`floor`). */
export function floor(target: string, what: string, measured: number, limit: number, unit: string): Verdict {
  const pass = Number.isFinite(measured) && measured >= limit;
  return {
    target,
    pass,
    ratio: measured / limit,
    line: `Target: ${target} → ${what} ${int(measured)} ${unit} vs ${int(limit)} ${unit} (${(measured / limit).toFixed(2)}× the floor): ${pass ? 'PASS' : 'FAIL'}`,
  };
}

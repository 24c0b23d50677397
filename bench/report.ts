import * as fs from 'node:fs';
import * as path from 'node:path';
import { Stats, ms } from './stats';

/** A budget from the issues: timings by median/p99 (ms), single figures by a bound. */
export interface Budget {
  median?: number;
  p99?: number;
  /** For a single figure: it must be at most this (time, memory). */
  atMost?: number;
  /** For a single figure: it must be at least this (throughput, speed-up ratio). */
  atLeast?: number;
}

export interface Row {
  section: string;
  name: string;
  /** Timings (ms) … */
  stats?: Stats;
  /** … or one figure with its unit. */
  value?: number;
  unit?: string;
  budget?: Budget;
  pass?: boolean;
  note?: string;
}

const rows: Row[] = [];
let section = '';

export function beginSection(title: string): void {
  section = title;
  console.log(`\n${title}`);
}

function judge(r: Row): boolean | undefined {
  const b = r.budget;
  if (!b) return undefined;
  if (r.stats) return (b.median === undefined || r.stats.median <= b.median) && (b.p99 === undefined || r.stats.p99 <= b.p99);
  if (r.value === undefined || Number.isNaN(r.value)) return false;
  return (b.atMost === undefined || r.value <= b.atMost) && (b.atLeast === undefined || r.value >= b.atLeast);
}

function budgetText(r: Row): string {
  const b = r.budget;
  if (!b) return '';
  const parts: string[] = [];
  if (b.median !== undefined) parts.push(`median ≤ ${b.median} ms`);
  if (b.p99 !== undefined) parts.push(`p99 ≤ ${b.p99} ms`);
  if (b.atMost !== undefined) parts.push(`≤ ${b.atMost} ${r.unit ?? ''}`.trim());
  if (b.atLeast !== undefined) parts.push(`≥ ${b.atLeast} ${r.unit ?? ''}`.trim());
  return `budget ${parts.join(', ')}`;
}

/** Records timings against an optional budget and prints the row. */
export function record(name: string, stats: Stats, budget?: Budget, note?: string): void {
  push({ section, name, stats, budget, note });
}

/** Records one figure (memory, throughput, a ratio) against an optional budget and prints it. */
export function figure(name: string, value: number, unit: string, budget?: Budget, note?: string): void {
  push({ section, name, value, unit, budget, note });
}

function push(r: Row): void {
  r.pass = judge(r);
  rows.push(r);
  const mark = r.pass === undefined ? ' ' : r.pass ? '✔' : '✖';
  const fig = r.stats
    ? `median ${ms(r.stats.median).padStart(8)} ms   p99 ${ms(r.stats.p99).padStart(8)} ms   (n=${r.stats.n})`
    : `${(r.value === undefined || Number.isNaN(r.value) ? 'n/a' : r.value < 10 ? r.value.toFixed(2) : r.value.toFixed(0)).padStart(8)} ${r.unit}`.padEnd(44);
  console.log(`${mark} ${r.name.padEnd(62)} ${fig}  ${budgetText(r)}${r.note ? `  — ${r.note}` : ''}`);
}

/** Prints the summary and writes bench/results/latest.json (and a dated copy). */
export function finish(meta: Record<string, unknown>): number {
  const judged = rows.filter(r => r.pass !== undefined);
  const failed = judged.filter(r => !r.pass);
  console.log(`\n${judged.length - failed.length} of ${judged.length} budgets met${failed.length ? `; missed: ${failed.map(r => r.name).join('; ')}` : ''}`);
  const dir = path.join(__dirname, '..', '..', 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const out = JSON.stringify({ ...meta, date: new Date().toISOString(), budgetsMet: judged.length - failed.length, budgets: judged.length, rows }, null, 2) + '\n';
  fs.writeFileSync(path.join(dir, 'latest.json'), out);
  console.log('results written to bench/results/latest.json');
  return failed.length;
}

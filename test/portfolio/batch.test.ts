/**
 * End to end over a small generated belt (6 merchants + 2 broken files): the command in-process
 * (jobs 1), the worker pool on the compiled worker (jobs 2), JSON shape, determinism, --out.
 */
import { TIER_LABEL } from '../../src/portfolio/labels';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { main } from '../../src/cli/main';
import { makeBelt } from '../../src/portfolio/make-belt';
import { runPortfolio } from '../../src/portfolio/run';
import { TIERS } from '../../src/portfolio/types';
import { ensureNodeBuild, ROOT } from '../helpers/build';

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[]): Promise<Out> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: {} });
  return { code, stdout, stderr };
}

interface JsonOut {
  merchants: { file: string; status: string; tier: string; message: string; peakCapital: number | null; kpis: Record<string, number | null> | null; risk: Record<string, number | null> | null; backtestMape: number | null; annualReturn?: number | null }[];
  summary: { merchants: number; counts: Record<string, number>; totalPlannedSpend: number; totalPeakCapital: number; totalExpectedProfit: number };
}

const RUNS = '40';
let dir: string;
let belt: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'adplan-portfolio-'));
  belt = join(dir, 'belt');
  // Belt seed 10: two ready, one never paid, one with 10 days, one short of cash, one thin margin.
  await makeBelt(belt, 6, 10, 2);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('adplan portfolio --json', () => {
  let out: JsonOut;
  beforeAll(async () => {
    const r = await cli(['portfolio', belt, '--json', '--runs', RUNS, '--jobs', '1', '--lang', 'en-US']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    out = JSON.parse(r.stdout) as JsonOut;
  });

  it('has one row per file (the lock file skipped), with exactly the contract keys', () => {
    expect(out.merchants).toHaveLength(8);
    expect(Object.keys(out).sort()).toEqual(['merchants', 'summary']);
    for (const m of out.merchants) expect(Object.keys(m)).toEqual(['file', 'merchant', 'status', 'tier', 'message', 'peakCapital', 'kpis', 'risk', 'backtestMape', 'annualReturn']);
    expect(out.merchants.some((m) => m.file.includes('~$'))).toBe(false);
    // Planned merchants carry their back-test error (issue 15); unplanned ones have none.
    for (const m of out.merchants) {
      if (m.status === 'error') expect(m.backtestMape).toBeNull();
      else if (m.backtestMape !== null) expect(m.backtestMape).toBeGreaterThan(0);
    }
    expect(out.merchants.filter((m) => m.status === 'ok').every((m) => typeof m.backtestMape === 'number')).toBe(true);
  });

  it('reports the broken files as errors with their reason, and plans the rest', () => {
    const broken = out.merchants.filter((m) => m.status === 'error');
    expect(broken.map((m) => m.file.slice(belt.length + 1)).sort()).toEqual(['broken/no-gmv.csv', 'broken/not-a-workbook.xlsx']);
    for (const m of broken) {
      expect(m.tier).toBe('data-fix');
      expect(m.kpis).toBeNull();
    }
    expect(broken[0]?.message).toMatch(/^Missing required column: gmv \(成交金额\)\. Headers found: 日期, 成交订单数, 直播间观看次数/u);
    expect(broken[1]?.message).toMatch(/not-a-workbook\.xlsx is not a valid \.xlsx workbook \(not a zip archive\)/u);
    const planned = out.merchants.filter((m) => m.status !== 'error');
    expect(planned).toHaveLength(6);
    for (const m of planned) {
      expect(m.kpis).not.toBeNull();
      expect(m.risk?.runs).toBe(Number(RUNS));
      expect(m.message.length).toBeGreaterThan(10);
    }
    // The 10-day merchant is not ready: organic first, and the message says why.
    const young = out.merchants.find((m) => m.file.endsWith('merchant-0004.xlsx'));
    expect(young).toMatchObject({ status: 'not_ready', tier: 'organic-first' });
    expect(young?.message).toMatch(/^Organic first: Only 10 days/u);
  });

  it('is sorted by tier, then by annualised return on capital within a tier', () => {
    const order = out.merchants.map((m) => TIERS.indexOf(m.tier as (typeof TIERS)[number]));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const t of TIERS) {
      const roc = out.merchants.filter((m) => m.tier === t).map((m) => m.annualReturn ?? null);
      const known = roc.filter((x): x is number => x !== null);
      expect([...known].sort((a, b) => b - a)).toEqual(known);
      // Missing returns come after known ones.
      expect(roc.slice(0, known.length).every((x) => x !== null)).toBe(true);
    }
  });

  it('totals the ok merchants and counts every tier', () => {
    const ok = out.merchants.filter((m) => m.status === 'ok');
    const sum = (k: string): number => ok.reduce((a, m) => a + (m.kpis?.[k] ?? 0), 0);
    expect(out.summary.merchants).toBe(8);
    expect(out.summary.totalPlannedSpend).toBeCloseTo(sum('totalSpend'), 6);
    // The row's one peak capital (the simulated P90 when risk ran), the number its message states.
    expect(out.summary.totalPeakCapital).toBeCloseTo(ok.reduce((a, m) => a + (m.peakCapital ?? 0), 0), 6);
    expect(out.summary.totalExpectedProfit).toBeCloseTo(sum('totalProfit'), 6);
    for (const t of TIERS) expect(out.summary.counts[t]).toBe(out.merchants.filter((m) => m.tier === t).length);
    expect(JSON.stringify(out)).not.toMatch(/NaN|Infinity/u);
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const r = await cli(['portfolio', join(belt, 'broken'), '--json', '--runs', '0', '--jobs', '1', '--lang', 'zh-CN']);
    const zh = JSON.parse(r.stdout) as JsonOut;
    expect(zh.merchants.map((m) => m.message)).toEqual([
      expect.stringMatching(/^缺少必需的列：gmv \(成交金额\)/u),
      expect.stringMatching(/not-a-workbook\.xlsx 不是有效的 \.xlsx 工作簿/u),
    ]);
  });
});

describe('--scenario', () => {
  it('plans the named column for every merchant; a name a merchant lacks is that merchant\'s data-fix row', async () => {
    const cons = JSON.parse((await cli(['portfolio', belt, '--json', '--runs', '0', '--jobs', '1', '--scenario', 'conservative'])).stdout) as JsonOut;
    expect(cons.summary.counts['data-fix']).toBe(2);
    const base = JSON.parse((await cli(['portfolio', belt, '--json', '--runs', '0', '--jobs', '1'])).stdout) as JsonOut;
    const sStar = (o: JsonOut): number => o.merchants.reduce((a, m) => a + (m.kpis?.sustainableSpend ?? 0), 0);
    // Conservative asks a larger safety margin and assumes no lift: never more sustainable spend.
    expect(sStar(cons)).toBeLessThan(sStar(base));
    const none = JSON.parse((await cli(['portfolio', belt, '--json', '--runs', '0', '--jobs', '1', '--scenario', 'Wild'])).stdout) as JsonOut;
    expect(none.summary.counts['data-fix']).toBe(8);
    const m = none.merchants.find((x) => x.file.endsWith('merchant-0001.xlsx'));
    expect(m?.message).toBe('Unknown scenario "Wild". Valid scenarios: Base, Conservative, Aggressive.');
  });
});

describe('determinism', () => {
  it('gives identical rows and totals for jobs 1 and jobs 2 (compiled worker), and changes with the seed', async () => {
    ensureNodeBuild();
    const workerPath = join(ROOT, 'dist', 'node', 'src', 'portfolio', 'worker.js');
    const base = { inputs: [belt], cwd: dir, runs: Number(RUNS), seed: 7 };
    const one = await runPortfolio({ ...base, jobs: 1 });
    const two = await runPortfolio({ ...base, jobs: 2, workerPath });
    expect(two).toEqual(one);
    const other = await runPortfolio({ ...base, seed: 8, jobs: 1 });
    expect(other.rows.map((r) => r.risk?.profitP50)).not.toEqual(one.rows.map((r) => r.risk?.profitP50));
    // The per-merchant seed follows the path inside the folder, not where the folder is.
    const moved = await runPortfolio({ ...base, inputs: ['belt'], jobs: 1 });
    expect(moved.rows.map((r) => r.risk)).toEqual(one.rows.map((r) => r.risk));
  });
});

describe('--out summary.xlsx', () => {
  it('writes a ranked summary sheet, one sheet per tier and totals; re-opens with ExcelJS', async () => {
    const file = join(dir, 'summary.xlsx');
    const r = await cli(['portfolio', belt, '--json', '--runs', RUNS, '--jobs', '1', '--out', file, '--lang', 'en-US']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Portfolio', 'scale', 'steady', 'cut back', 'organic-first', 'data-fix', 'Totals']);
    const ws = wb.getWorksheet('Portfolio');
    if (!ws) throw new Error('no Portfolio sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    // The key columns first (they print on one page), then the details.
    expect(header.slice(0, 12)).toEqual(['Rank', 'Tier', 'Merchant', 'Status', 'Scenario', 'Sustainable spend/day', 'Total profit (incl. organic)', 'Annual return on capital', 'Peak capital', 'Payback day', 'P(cash short)', 'File']);
    expect(ws.rowCount).toBe(9);
    // File names only: a provider's folders stay out of the workbook.
    const files = Array.from({ length: 8 }, (_, i) => ws.getRow(i + 2).getCell(12).value);
    expect(files).toEqual(out.merchants.map((m) => m.file.split('/').pop()));
    // The merchant: the file's base name, no folder, no extension.
    const merchants = Array.from({ length: 8 }, (_, i) => String(ws.getRow(i + 2).getCell(3).value));
    expect(merchants).toEqual(out.merchants.map((m) => m.file.split('/').pop()!.replace(/\.(xlsx|csv)$/u, '')));
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:W9');
    expect(ws.getRow(2).getCell(6).numFmt).toBe('#,##0');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(cf.flatMap((c) => c.rules.map((x) => x.type)).sort()).toEqual(
      ['cellIs', 'colorScale', 'dataBar', 'expression', 'expression', 'expression', 'expression', 'expression'].sort(),
    );
    for (const t of TIERS) {
      const sheet = wb.getWorksheet(TIER_LABEL[t]['en-US']);
      expect(sheet?.rowCount).toBe(out.summary.counts[t]! + 1);
    }
    const totals = wb.getWorksheet('Totals');
    expect(totals?.getRow(1).values).toEqual([undefined, 'Merchants', 8]);
  });

  it('refuses to overwrite an existing file (exit 2, file untouched) unless --force', async () => {
    const file = join(dir, 'exists.xlsx');
    writeFileSync(file, 'keep me');
    const r = await cli(['portfolio', belt, '--runs', '0', '--jobs', '1', '--out', file, '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const forced = await cli(['portfolio', belt, '--runs', '0', '--jobs', '1', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(1000);
  });
});

describe('usage and empty input', () => {
  it('rejects bad numbers and missing inputs with exit 2', async () => {
    expect((await cli(['portfolio', belt, '--runs', 'many'])).code).toBe(2);
    expect((await cli(['portfolio', belt, '--jobs', '0'])).stderr).toContain('--jobs must be a whole number from 1 to 256');
    expect((await cli(['portfolio'])).code).toBe(2);
    expect((await cli(['portfolio', belt, '--out', join(dir, 'x.csv')])).code).toBe(2);
  });

  it('exits 1, still printing the rows, when no file could be planned', async () => {
    const r = await cli(['portfolio', join(dir, 'no-such-folder'), '--json', '--jobs', '1', '--lang', 'en-US']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.merchants.map((m) => [m.status, m.message])).toEqual([['error', `file not found: ${join(dir, 'no-such-folder')} — check the path and the file name`]]);
  });

  it('exits 1 when a folder holds no merchant file', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const r = await cli(['portfolio', empty, '--json', '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { message: `No .xlsx or .csv files found in ${empty}`, kind: 'input', field: 'inputs' } });
    expect(existsSync(join(empty, 'summary.xlsx'))).toBe(false);
  });
});

describe('progress on a terminal', () => {
  it('draws a bar on stderr only when stderr is a TTY, leaving stdout to the JSON', async () => {
    const run = async (tty: boolean): Promise<Out> => {
      let stdout = '';
      let stderr = '';
      const code = await main(['portfolio', join(belt, 'broken'), '--json', '--runs', '0', '--jobs', '1'], {
        stdout: (s) => void (stdout += s),
        stderr: (s) => void (stderr += s),
        env: {},
        stderrIsTTY: tty,
      });
      return { code, stdout, stderr };
    };
    const tty = await run(true);
    expect(tty.stderr).toMatch(/^\r\[.*\] 2\/2 merchants .*\n$/su);
    expect((JSON.parse(tty.stdout) as JsonOut).merchants).toHaveLength(2);
    expect((await run(false)).stderr).toBe('');
  });
});

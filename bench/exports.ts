/**
 * Large export files shaped like the real ones (DATA.md "Real export families"), written on the
 * fly for the benchmarks: a 罗盘 直播明细 (one row per live session, so days grow with the file),
 * a 千川全域 商品 daily (日期 × 商品, GB18030 as a Chinese Windows saves it: two years of days
 * whatever the size, more products per day as the file grows) and a 罗盘 成交分析 .xlsx
 * (日期 × 载体类型 × 投放时段, 12 rows a day).
 */
import { createWriteStream } from 'node:fs';
import { stream } from 'exceljs';
import * as iconv from 'iconv-lite';
import type { Cell } from '../src/data/table';
import { generateMerchant } from '../src/sample/merchant';
import { historyToCompassCells } from '../src/sample/sheet';

export function csvLine(row: readonly Cell[]): string {
  return row
    .map((c) => {
      const s = c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
      return /[",\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
    })
    .join(',');
}

/** A file written line by line, counting its bytes in the target encoding. */
function writer(path: string, encoding: 'utf-8' | 'gb18030'): { write: (s: string) => void; bytes: () => number; end: () => Promise<void> } {
  const out = createWriteStream(path);
  let bytes = 0;
  let pending: string[] = [];
  const flush = (): void => {
    const buf = encoding === 'utf-8' ? Buffer.from(pending.join('')) : iconv.encode(pending.join(''), 'gb18030');
    bytes += buf.length;
    out.write(buf);
    pending = [];
  };
  return {
    write: (s) => {
      pending.push(s);
      if (pending.length >= 4096) flush();
    },
    bytes: () => {
      flush();
      return bytes;
    },
    end: async () => {
      flush();
      await new Promise<void>((resolve) => out.end(resolve));
    },
  };
}

/** A 罗盘 直播明细 export of about `mb` MB: session rows, blocks of 10 years shifted on so days stay distinct. */
export async function compassSessionsCsv(path: string, mb: number): Promise<void> {
  const cells = historyToCompassCells(generateMerchant(7, { days: 3650 }).history, { seed: 7, maxSessions: 4 });
  const [header, ...rows] = cells;
  const w = writer(path, 'utf-8');
  w.write(`\uFEFF${csvLine(header ?? [])}\n`);
  const lines = rows.map(csvLine);
  for (let block = 0; w.bytes() < mb * 1024 * 1024; block++) {
    // Years stay below 9999.
    const shift = (m: string): string => String(Number(m) + 10 * block);
    for (const l of lines) w.write(`${l.replace(/\b(\d{4})(?=-\d\d-\d\d)/gu, shift)}\n`);
  }
  await w.end();
}

export const UNI_PRODUCT_DAYS = 730;

/**
 * A 千川全域 商品 daily export of about `mb` MB in GB18030: 730 days × as many products as the
 * size needs, each row 整体消耗 / 整体成交金额 / 整体成交订单数 / 净成交金额 / 1小时内退款率, and a 汇总 row last.
 * Returns the rows written and the totals a correct reader must find.
 */
export async function uniProductsCsv(path: string, mb: number): Promise<{ rows: number; spend: number; gmv: number; orders: number }> {
  const header = ['日期', '抖音号名称', '商品ID', '商品名称', '整体消耗', '整体成交金额', '整体成交订单数', '整体支付ROI', '净成交金额', '1小时内退款率'];
  let seed = 12345;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const row = (date: string, p: number): { line: string; spend: number; gmv: number; orders: number } => {
    const spend = next(50_000);
    const gmv = spend * (2 + next(6)) + next(10_000);
    const orders = Math.floor(gmv / 9_000);
    const roi = spend > 0 ? (gmv / spend).toFixed(2) : '-';
    const line = `${date},某某旗舰店,${3_712_345_000_000 + p},【官方正品】商品${p} 保湿补水 修护屏障,${(spend / 100).toFixed(2)},${(gmv / 100).toFixed(2)},${orders},${roi},${((gmv * 0.97) / 100).toFixed(2)},${(next(300) / 100).toFixed(2)}%\n`;
    return { line, spend, gmv, orders };
  };
  // Products per day from the mean encoded size of a sample of rows.
  let sampleBytes = 0;
  for (let p = 0; p < 200; p++) sampleBytes += iconv.encode(row('2025-01-01', p * 7).line, 'gb18030').length;
  const products = Math.max(1, Math.round((mb * 1024 * 1024) / (UNI_PRODUCT_DAYS * (sampleBytes / 200))));
  seed = 12345;
  const w = writer(path, 'gb18030');
  w.write(`${header.join(',')}\n`);
  let spendCents = 0;
  let gmvCents = 0;
  let orders = 0;
  const start = Date.UTC(2024, 11, 1);
  for (let d = 0; d < UNI_PRODUCT_DAYS; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (let p = 0; p < products; p++) {
      const r = row(date, p);
      spendCents += r.spend;
      gmvCents += r.gmv;
      orders += r.orders;
      w.write(r.line);
    }
  }
  w.write(`汇总,-,-,-,${(spendCents / 100).toFixed(2)},${(gmvCents / 100).toFixed(2)},${orders},-,-,-\n`);
  await w.end();
  return { rows: UNI_PRODUCT_DAYS * products, spend: spendCents / 100, gmv: gmvCents / 100, orders };
}

/** XML bytes per day of the 罗盘 成交分析 sheet, compressed (measured: ~1.25 KB a day of 12 rows, ~6 KB of XML). */
const DEAL_BYTES_PER_DAY = 1275;
const DEAL_CARRIERS = ['全部', '直播', '商品卡', '短视频'];
const DEAL_SLOTS = ['不限', '全域投放时段', '非投放时段'];

/**
 * A 罗盘 成交分析 .xlsx of about `mb` MB, days from 1900-01-01 on (8-digit text dates, as the
 * export writes them). Returns the day count and the 全部 × 不限 totals a correct reader finds.
 */
export async function compassDealXlsx(path: string, mb: number): Promise<{ days: number; gmv: number; orders: number }> {
  const wb = new stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('成交分析');
  ws.addRow(['抖音电商罗盘 · 交易 · 成交分析（分日）']).commit();
  ws.addRow(['日期', '载体类型', '投放时段', '用户支付金额', '成交金额', '净成交金额', '成交订单数', '成交人数', '退款金额(支付时间)', '退款金额(退款时间)', '投放消耗(店铺被投)', '投放消耗(店铺绑定)', '投放贡献成交金额', '7日结算金额']).commit();
  let seed = 4242;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed % n;
  };
  const days = Math.round((mb * 1024 * 1024) / DEAL_BYTES_PER_DAY);
  let gmvCents = 0;
  let orders = 0;
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(1900, 0, 1) + d * 86_400_000).toISOString().slice(0, 10).replace(/-/gu, '');
    for (const carrier of DEAL_CARRIERS) {
      for (const slot of DEAL_SLOTS) {
        const gmv = 100_000 + next(5_000_000);
        const n = 1 + next(400);
        if (carrier === '全部' && slot === '不限') {
          gmvCents += gmv;
          orders += n;
        }
        const spend = next(1_000_000) / 100;
        ws.addRow([date, carrier, slot, (gmv * 1.02) / 100, gmv / 100, (gmv * 0.93) / 100, n, Math.ceil(n * 0.9), next(50_000) / 100, next(50_000) / 100, spend, spend, next(900_000) / 100, (gmv * 0.9) / 100]).commit();
      }
    }
  }
  await wb.commit();
  return { days, gmv: gmvCents / 100, orders };
}

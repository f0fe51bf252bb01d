/**
 * One merchant's data from one or several files (`adplan check a.xlsx b.csv`, a portfolio
 * merchant folder): every history sheet is read, then joined on the date (join.ts). In a workbook
 * the best-matching sheet is always read; its other sheets join only when they are a recognised
 * export family (or the room's table beside a paid-only 千川标准推广 export), so plan/summary sheets
 * with 日期/成交 headers are never mistaken for data (merchant/sheet-choice.ts).
 * Browser-safe; the Node file edge is file.ts.
 */
import { readAssumptions } from '../assumptions';
import { AdplanError } from '../../model/core';
import { text } from '../../i18n/text';
import { addLiftResults, findResultsSheet, findScheduleSheet, readScheduleOf, type ScheduleRead } from '../experiment';
import { joinSources, sourceLabel, type JoinedHistory, type Source } from './join';
import type { FileData } from '../formats';
import { addChannelSpend, channelSpend, keyValueTable } from '../families';
import type { DataIssue } from '../table';
import { openSheets } from '../formats';
import { sheetHead, sideTable } from '../table';
import { familyOfSheet, joinedWith, likeliestHistory } from './sheet-choice';
import { assumptionsSheetOf, attachCalendar, calendarOf, findSheet, readHistorySheet, type WorkbookOptions, type WorkbookRead } from './workbook';
import type { EventsSource } from './events-file';
import type { SheetCells } from '../formats';
import { isTargetLogSheet, mergeTargetLogs, readTargetLog } from './target-log';
import type { TargetLogEntry } from '../../model/core';

export interface MerchantFile {
  /** A file on disk (file.ts, open until the read is over) or its bytes. */
  data: FileData;
  fileName: string;
}

export interface MerchantRead extends WorkbookRead {
  joined: JoinedHistory;
  /** A 实验计划 sheet found in the files (a test's schedule), read. */
  experimentSchedule?: ScheduleRead;
}

/** The history sheets of one workbook: the likeliest, and the sheets joined with it (sheet-choice.ts). */
export function historySheets(sheets: readonly SheetCells[], options: WorkbookOptions): SheetCells[] {
  if (options.sheet) return [findSheet(sheets, options.sheet)];
  if (!sheets.some((s) => familyOfSheet(sheetHead(s)) !== null)) {
    // No table anywhere: a 单场 workbook whose overview is a key | value block.
    const blocks = sheets.flatMap((s) => {
      const cells = keyValueTable(sideTable(s));
      return cells ? [{ name: s.name, cells }] : [];
    });
    if (blocks.length > 0) return blocks.slice(0, 1);
  }
  // A hidden copy never wins over what the user sees (likeliestHistory), nor joins it.
  const best = likeliestHistory(sheets);
  return [best, ...joinedWith(sheets, best)].sort((a, b) => sheets.indexOf(a) - sheets.indexOf(b));
}

export async function readMerchantBuffers(files: readonly MerchantFile[], options: WorkbookOptions = {}): Promise<MerchantRead> {
  const sources: Source[] = [];
  const sheetNames: string[] = [];
  let assumptions: Pick<WorkbookRead, 'assumptions' | 'assumptionsSheet'> = {};
  let first: Pick<WorkbookRead, 'format' | 'encoding'> | null = null;
  let events: EventsSource | undefined = options.events;
  let results: SheetCells | undefined;
  let schedule: SheetCells | undefined;
  const logs: TargetLogEntry[][] = [];
  const logIssues: DataIssue[] = [];
  for (const f of files) {
    const { sheets: all, format, encoding } = await openSheets(f.data, f.fileName);
    if (format === 'xlsx') {
      results ??= findResultsSheet(all);
      schedule ??= findScheduleSheet(all);
    }
    first ??= { format, ...(encoding ? { encoding } : {}) };
    sheetNames.push(...all.map((s) => (files.length > 1 ? `${f.fileName} › ${s.name}` : s.name)));
    // ROI目标记录 sheets (or CSVs) are the target log, never a history source.
    const isLog = isTargetLogSheet;
    for (const s of all.filter(isLog)) {
      const log = readTargetLog(format === 'csv' ? { ...s, name: f.fileName } : s);
      logs.push(log.entries);
      logIssues.push(...log.issues);
    }
    const sheets = all.filter((s) => !isLog(s));
    if (sheets.length === 0) continue;
    const used = format === 'csv' ? sheets : historySheets(sheets, options);
    const reads = used.map((s) => ({ file: f.fileName, sheet: format === 'csv' ? null : s.name, read: readHistorySheet(s, format, encoding) }));
    const single = reads.length === 1 ? reads[0] : undefined;
    if (single && format === 'xlsx') {
      // 单场 detail: the spend may only be on a channel sheet (渠道名称 | 千川消耗).
      for (const s of sheets) {
        const spend = used.some((u) => u.name === s.name) ? null : channelSpend(sideTable(s));
        if (spend) {
          addChannelSpend(single.read, spend, s.name);
          break;
        }
      }
    }
    sources.push(...reads);
    if (!assumptions.assumptions) {
      const a = assumptionsSheetOf(sheets, used);
      if (a) assumptions = { assumptionsSheet: a.name, assumptions: readAssumptions(sideTable(a), { sheet: a.name }) };
    }
    if (!events && format === 'xlsx') {
      const a = assumptions.assumptionsSheet;
      events = calendarOf(sheets, [...used, ...sheets.filter((s) => s.name === a)]);
    }
  }
  if (sources.length === 0) {
    throw new AdplanError('input', text('Only a target log (ROI目标记录) was given: add the daily export it belongs to.', '只提供了 ROI目标记录：请同时提供对应的逐日导出数据。'), 'history');
  }
  const joined = joinSources(sources);
  attachCalendar(joined.read, events);
  if (logs.length > 0) {
    joined.read.history.targetLog = mergeTargetLogs(logs);
    joined.read.issues.push(...logIssues);
  }
  if (results) addLiftResults(joined.read, results);
  const one = sources.length === 1 ? sources[0] : undefined;
  return {
    fileName: files.map((f) => f.fileName).join(' + '),
    format: first?.format ?? 'csv',
    ...(first?.encoding ? { encoding: first.encoding } : {}),
    sheetNames,
    historySheet: one ? (one.sheet ?? sheetNames[0] ?? one.file) : sources.map(sourceLabel).join(' + '),
    history: joined.read,
    ...assumptions,
    ...(events ? { events } : {}),
    joined,
    ...(schedule ? { experimentSchedule: readScheduleOf(schedule) } : {}),
  };
}

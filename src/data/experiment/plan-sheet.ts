/**
 * The 实验计划 sheet's content, shared by the CLI's workbook and the task pane: title lines, a
 * header the schedule reader takes back (日期 · ROI目标 · 口径 · 剔除), one row per test day with
 * what to set and what to record. Pure.
 */
import { pick, text, type Lang, type Text } from '../../i18n/text';
import { weekdayOf } from '../../model/core';
import type { ExperimentDesign } from '../../model/experiment';
import type { NumberKind } from '../formats';
import type { Cell } from '../table';
import { SCHEDULE_SHEET, SCHEDULE_SHEET_EN } from './schedule-sheet';

export interface PlanColumn {
  header: string;
  kind: NumberKind | null;
  width: number;
}

export interface ExperimentPlanTable {
  sheetName: string;
  /** Title lines above the table. */
  title: string[];
  columns: PlanColumn[];
  rows: Cell[][];
  /** The design's notes, below the table. */
  notes: string[];
}

const WEEKDAYS: Text[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].map((en, i) => text(en, `周${'日一二三四五六'[i]}`));
const KIND: Record<ExperimentDesign['kind'], Text> = { switchback: text('switchback', '交替实验'), step: text('target steps', '阶梯目标实验') };
const RECORD = text('spend, room GMV, the target actually in force; any 大促, stock-out or stopped stream', '整体消耗、整体成交金额、当日实际生效的目标；如遇大促、缺货、断播请备注');

/** The header row's texts (the schedule reader's aliases: 日期, ROI目标, 口径, 剔除). */
function headers(lang: Lang): string[] {
  return lang === 'zh-CN'
    ? ['日期', '星期', '档位', 'ROI目标', '口径', '调整', '剔除', '预计消耗', '需记录']
    : ['date', 'weekday', 'level', 'target', 'basis', 'change', 'drop', 'expected spend', 'record'];
}

export function experimentPlanTable(d: ExperimentDesign, lang: Lang): ExperimentPlanTable {
  const basis = d.schedule.basis === 'net' ? text('net ROI', '净成交ROI') : text('pay ROI', '支付ROI');
  const h = headers(lang);
  const kinds: (NumberKind | null)[] = ['date', null, 'count', 'ratio', null, null, null, 'money', null];
  const widths = [12, 6, 6, 9, 11, 16, 6, 12, 48];
  const rows: Cell[][] = d.schedule.days.map((s) => [
    s.date,
    pick(WEEKDAYS[weekdayOf(s.date)]!, lang),
    s.level,
    s.target,
    pick(basis, lang),
    s.change ? pick(text(`set target to ${s.target}`, `目标调为 ${s.target}`), lang) : '',
    pick(s.drop ? text('yes', '是') : text('no', '否'), lang),
    d.spendLevels ? Math.round(d.spendLevels[s.level]!) : '',
    pick(RECORD, lang),
  ]);
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const title = [
    `${pick(text('Experiment plan', '实验计划'), lang)} — ${pick(KIND[d.kind], lang)} · ${d.first} – ${d.last} (${d.totalDays} ${pick(text('days', '天'), lang)})`,
    pick(
      text(
        `Detects a ${pct(d.lift)} room-GMV lift with ${pct(d.power)} power (two-sided 5 %) · ${d.keptPerArm} kept days per arm · noise CV ${pct(d.noise.cv)}, ρ ${d.noise.rho.toFixed(2)}${d.feasible ? '' : ' · cannot succeed in 8 weeks (see notes)'}`,
        `以 ${pct(d.power)} 的把握检测 ${pct(d.lift)} 的整体成交提升（双侧 5%）· 每组有效 ${d.keptPerArm} 天 · 噪声波动系数 ${pct(d.noise.cv)}，ρ ${d.noise.rho.toFixed(2)}${d.feasible ? '' : ' · 8 周内无法完成（见说明）'}`,
      ),
      lang,
    ),
  ];
  return {
    sheetName: lang === 'zh-CN' ? SCHEDULE_SHEET : SCHEDULE_SHEET_EN,
    title,
    columns: h.map((header, i) => ({ header, kind: kinds[i]!, width: widths[i]! })),
    rows,
    notes: d.notes.map((n) => pick(n, lang)),
  };
}

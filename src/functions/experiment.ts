/**
 * EXPERIMENT: a target test read from the history and its 实验计划 table (docs/experiment.md):
 * one row per step — Δspend, ΔGMV with its 90 % interval, incremental ROI — then the verdict.
 * Each distinct (history, schedule) is analysed once per session (content memo).
 */
import { readScheduleSheet } from '../data/experiment';
import { text, type Lang } from '../i18n/text';
import { AdplanError } from '../model/core';
import { analyseExperiment, type ExperimentResult } from '../model/experiment';
import { asMatrix, historyArgKeyed } from './inputs';
import { Memo, contentKey } from './memo';
import { toSpill, type Spill } from './spill';

const results = new Memo<ExperimentResult>(16);

const HEADER = {
  'en-US': ['step', 'days', 'delta_spend', 'delta_spend_se', 'delta_gmv', 'delta_gmv_se', 'delta_gmv_lo90', 'delta_gmv_hi90', 'incremental_roi', 'incremental_roi_se'],
  'zh-CN': ['调整', '天数', '日消耗变化', '消耗变化标准误', '日成交变化', '成交变化标准误', '成交变化90%下限', '成交变化90%上限', '增量ROI', '增量ROI标准误'],
} as const;

export function experimentSpill(history: unknown, schedule: unknown, lang: Lang): Spill {
  const { key: hKey, read } = historyArgKeyed(history);
  const cells = asMatrix(schedule, 'schedule');
  const r = results.get(contentKey(hKey, contentKey(cells)), () => {
    const s = readScheduleSheet(cells);
    const bad = s.issues.find((i) => i.severity === 'error');
    if (!s.schedule || bad) {
      const where = bad?.address ? ` (${bad.address})` : '';
      throw new AdplanError('input', text(`schedule${where}: ${bad?.message['en-US'] ?? 'no days'}`, `schedule${where}:${bad?.message['zh-CN'] ?? '没有日期'}`), 'schedule');
    }
    return analyseExperiment(read.history, s.schedule);
  });
  const rows = r.steps.map((s) => [
    `${s.fromTarget} → ${s.target}`,
    s.days,
    s.deltaSpend.value,
    s.deltaSpend.se,
    s.deltaGmv.value,
    s.deltaGmv.se,
    s.deltaGmv.lo,
    s.deltaGmv.hi,
    s.roi?.value ?? '',
    s.roi?.se ?? '',
  ]);
  const verdict = `${r.verdict === 'conclusive' ? text('Conclusive', '结论明确')[lang] : text('Inconclusive', '结论不明确')[lang]}: ${r.why.map((w) => w[lang]).join(' ')}`;
  return toSpill([[...HEADER[lang]], ...rows, [verdict]]);
}

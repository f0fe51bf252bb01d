/**
 * 实验: design a target test on this room (src/model/experiment) and write its 实验计划 sheet
 * through the gateway. The pane only shows the design; the CLI's `adplan experiment` is the same.
 */
import { Button, Field, MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { pick, text, type Text } from '../../i18n/text';
import { isAdplanError } from '../../model/core';
import { designExperiment, type ExperimentDesign } from '../../model/experiment';
import type { History } from '../../model/core';
import type { WorkbookGateway } from '../gateway/types';
import { useI18n } from '../i18n';
import { experimentSheet } from '../state/experimentSheet';
import { Section } from './Section';

const LIFTS = [0.1, 0.15, 0.2, 0.3];

export interface ExperimentPanelProps {
  gateway: WorkbookGateway;
  history: History | null;
}

type Outcome = { ok: true; value: ExperimentDesign } | { ok: false; error: Text };

export function ExperimentPanel({ gateway, history }: ExperimentPanelProps) {
  const { lang } = useI18n();
  const [lift, setLift] = useState(0.15);
  const [design, setDesign] = useState<Outcome | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const say = (t: Text): string => pick(t, lang);

  const run = (): void => {
    if (!history) return;
    setWritten(null);
    try {
      setDesign({ ok: true, value: designExperiment(history, { lift }) });
    } catch (e) {
      if (!isAdplanError(e)) throw e;
      setDesign({ ok: false, error: e.text });
    }
  };
  const write = async (d: ExperimentDesign): Promise<void> => {
    setBusy(true);
    try {
      setWritten(await gateway.addSheet(experimentSheet(d, lang)));
    } finally {
      setBusy(false);
    }
  };
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

  return (
    <Section title={say(text('Experiment', '实验'))}>
      <p>
        {say(
          text(
            'A target test on this room: how many days it needs to see a GMV lift, a dated schedule within the 10 % edit rule, and a sheet to run it by.',
            '在本直播间做目标实验：检测成交提升需要多少天，按单次调整不超过 10% 的规则排期，并写出执行用的工作表。',
          ),
        )}
      </p>
      <Field label={say(text('GMV lift to detect', '要检测的成交提升'))}>
        <Select value={String(lift)} onChange={(_, d) => setLift(Number(d.value))}>
          {LIFTS.map((l) => (
            <option key={l} value={String(l)}>
              {pct(l)}
            </option>
          ))}
        </Select>
      </Field>
      <Button disabled={!history} onClick={run}>
        {say(text('Design the test', '设计实验'))}
      </Button>
      {design && !design.ok ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{say(design.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {design?.ok ? (
        <>
          <MessageBar intent={design.value.feasible ? 'success' : 'warning'} layout="multiline">
            <MessageBarBody>
              {say(
                design.value.feasible
                  ? text(
                      `${design.value.totalDays} days (${design.value.first} – ${design.value.last}) detect a ${pct(design.value.lift)} lift with ${pct(design.value.power)} power.`,
                      `${design.value.totalDays} 天（${design.value.first} 至 ${design.value.last}）可以 ${pct(design.value.power)} 的把握检测 ${pct(design.value.lift)} 的提升。`,
                    )
                  : text('This test cannot succeed in 8 weeks — see below for what would.', '该实验无法在 8 周内完成——可行的办法见下方说明。'),
              )}
            </MessageBarBody>
          </MessageBar>
          <ul>
            {design.value.notes.map((n, i) => (
              <li key={i}>{say(n)}</li>
            ))}
          </ul>
          <Button appearance="primary" disabled={busy} onClick={() => void write(design.value)}>
            {say(text('Write the 实验计划 sheet', '写入“实验计划”工作表'))}
          </Button>
          {written ? <p>{say(text(`Written to sheet “${written}”.`, `已写入工作表“${written}”。`))}</p> : null}
        </>
      ) : null}
    </Section>
  );
}

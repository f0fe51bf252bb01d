/**
 * Accessibility of the pane as rendered (issue 26 item 11): axe finds nothing serious or critical
 * in the first screen, in both languages, and the comparison's sideways scroller is a named,
 * focusable region that says it scrolls when its columns do not fit. (The e2e suite runs axe
 * again in Chromium at 320 and 350 px, where layout and contrast are real.)
 */
import axe from 'axe-core';
import type { Lang } from '../../src/i18n/text';
import { sampleGateway } from './fixtures';
import { renderPane, screen } from './render';

// Charts have their own test (charts.test.tsx); here they would only slow every render.
jest.mock('../../src/taskpane/charts/ScenarioCharts', () => ({ __esModule: true, default: () => null }));

const TITLE: Record<Lang, string> = { 'en-US': 'Scenario comparison', 'zh-CN': '情景对比' };
const SCROLLER: Record<Lang, string> = { 'en-US': 'Scenario comparison (scrolls sideways)', 'zh-CN': '情景对比（可左右滚动）' };

/** axe's serious and critical findings, as "rule: target" lines (readable when the test fails). */
async function seriousFindings(root: Element): Promise<string[]> {
  // jsdom computes no colours or layout: contrast is checked in the browser (e2e), not here.
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe.each(['en-US', 'zh-CN'] as const)('%s', (lang) => {
  it('axe: no serious or critical finding on the first screen', async () => {
    const { container } = renderPane(sampleGateway(), lang);
    await screen.findByRole('table', { name: TITLE[lang] });
    expect(await seriousFindings(container)).toEqual([]);
  });

  it('the comparison scroller is a named region the keyboard reaches', async () => {
    renderPane(sampleGateway(), lang);
    await screen.findByRole('table', { name: TITLE[lang] });
    const region = screen.getByRole('region', { name: SCROLLER[lang] });
    expect(region.tabIndex).toBe(0);
    expect(region).toContainElement(screen.getByRole('table', { name: TITLE[lang] }));
  });
});

describe('the scroll hint', () => {
  const proto = HTMLElement.prototype;
  const saved = ['scrollWidth', 'clientWidth'].map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)] as const);
  afterEach(() => {
    for (const [k, d] of saved) if (d) Object.defineProperty(proto, k, d);
  });

  /** jsdom lays nothing out: the region reports `content` px of table in a `box` px box. */
  function layout(content: number, box: number): void {
    const isRegion = (el: HTMLElement) => el.getAttribute('role') === 'region';
    Object.defineProperty(proto, 'scrollWidth', { configurable: true, get(this: HTMLElement) { return isRegion(this) ? content : 0; } });
    Object.defineProperty(proto, 'clientWidth', { configurable: true, get(this: HTMLElement) { return isRegion(this) ? box : 0; } });
  }

  it('shows when the columns are wider than the pane, with the right edge shaded', async () => {
    layout(640, 320);
    renderPane(sampleGateway(), 'zh-CN');
    await screen.findByRole('table', { name: TITLE['zh-CN'] });
    expect(await screen.findByTestId('compare-scroll-hint')).toHaveTextContent('左右滑动');
    expect(screen.getByRole('region', { name: SCROLLER['zh-CN'] }).parentElement).toHaveAttribute('data-more-right', 'true');
  });

  it('stays hidden when everything fits', async () => {
    layout(300, 320);
    renderPane(sampleGateway(), 'en-US');
    await screen.findByRole('table', { name: TITLE['en-US'] });
    expect(screen.queryByTestId('compare-scroll-hint')).toBeNull();
    expect(screen.getByRole('region', { name: SCROLLER['en-US'] }).parentElement).not.toHaveAttribute('data-more-right');
  });
});

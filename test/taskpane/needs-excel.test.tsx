/**
 * taskpane.html opened outside Excel (issue 14 item 6): the fallback page follows the display
 * language — Office's when there is one, else the browser's — in its text, its link and the
 * document's own lang/title (the static HTML says zh-CN).
 */
import { render, screen, waitFor } from '@testing-library/react';
import { detectLang } from '../../src/taskpane/i18n';
import { NeedsExcel, setDocumentLanguage } from '../../src/taskpane/NeedsExcel';

function setNavigatorLanguage(lang: string): void {
  Object.defineProperty(window.navigator, 'language', { value: lang, configurable: true });
}

/** The entry point renders with its own root, outside act(): as in a browser. */
const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };

describe('the needs-Excel page', () => {
  let previousAct: boolean | undefined;
  beforeEach(() => {
    previousAct = actEnv.IS_REACT_ACT_ENVIRONMENT;
    actEnv.IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterEach(() => {
    actEnv.IS_REACT_ACT_ENVIRONMENT = previousAct;
    document.body.innerHTML = '';
    document.documentElement.lang = 'zh-CN';
  });

  it.each([
    ['zh-CN', '此窗格需要在 Excel 中运行', '打开浏览器预览', 'AdPlan 情景工作台'],
    ['en-US', 'This pane needs Excel', 'open the browser preview', 'AdPlan scenario workbench'],
  ] as const)('in %s when the browser says so (no Office)', async (nav, says, link, title) => {
    setNavigatorLanguage(nav);
    document.documentElement.lang = nav === 'zh-CN' ? 'en' : 'zh-CN'; // the opposite, so the change shows
    document.body.innerHTML = '<div id="root"></div>';
    await jest.isolateModulesAsync(async () => {
      await import('../../src/taskpane/index');
    });
    await waitFor(() => expect(document.body.textContent).toContain(says));
    expect(screen.getByRole('link', { name: link }).getAttribute('href')).toBe(`preview.html?lang=${nav}`);
    expect(document.documentElement.lang).toBe(nav);
    expect(document.title).toBe(title);
  });

  it("Office's display language wins over the browser's", () => {
    actEnv.IS_REACT_ACT_ENVIRONMENT = true;
    expect(detectLang('en-US', '', 'zh-CN')).toBe('en-US');
    expect(detectLang(undefined, '', 'zh-TW')).toBe('zh-CN');
    render(<NeedsExcel lang={detectLang('zh-CN', '', 'en-US')} />);
    expect(screen.getByText(/此窗格需要在 Excel 中运行/u)).toBeTruthy();
    setDocumentLanguage(document, 'en-US');
    expect(document.documentElement.lang).toBe('en-US');
  });
});

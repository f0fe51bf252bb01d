/**
 * The pane loads one language's words and, only on a dark Office theme, the dark theme (issue 26
 * item 6): what it does not show, it does not fetch. Each case runs in a fresh module registry, as
 * the pane starts — the test setup's registration of both languages is not there.
 */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type * as I18nModule from '../../src/taskpane/i18n';

async function freshI18n(): Promise<typeof I18nModule> {
  let mod: typeof I18nModule | undefined;
  await jest.isolateModulesAsync(async () => {
    mod = await import('../../src/taskpane/i18n');
  });
  return mod!;
}

describe('one language loaded at a time', () => {
  it.each([
    ['zh-CN', 'en-US', 'AdPlan 情景工作台'],
    ['en-US', 'zh-CN', 'AdPlan scenario workbench'],
  ] as const)('loading %s makes its words available and not %s’s', async (lang, other, title) => {
    const { loadDictionary, makeI18n } = await freshI18n();
    expect(() => makeI18n(lang)).toThrow(`the ${lang} words are not loaded`);
    await loadDictionary(lang);
    expect(makeI18n(lang).t('app.title')).toBe(title);
    expect(() => makeI18n(other)).toThrow(`the ${other} words are not loaded`);
  });

  it('loading twice keeps the words already there', async () => {
    const { loadDictionary, makeI18n, registerDictionary } = await freshI18n();
    await loadDictionary('zh-CN');
    const first = makeI18n('zh-CN').t('app.retry');
    registerDictionary('zh-CN', { ...(await import('../../src/taskpane/i18n/zh-CN')).zhCN, 'app.retry': '再试' });
    await loadDictionary('zh-CN');
    expect([first, makeI18n('zh-CN').t('app.retry')]).toEqual(['重试', '再试']);
  });
});

describe('the theme follows Office’s', () => {
  it.each([
    ['#ffffff', webLightTheme],
    ['#f3f2f1', webLightTheme],
    [undefined, webLightTheme],
    ['#1f1f1f', webDarkTheme],
    ['#262626', webDarkTheme],
  ])('body background %s', async (background, theme) => {
    const { themeFor } = await import('../../src/taskpane/theme');
    expect(await themeFor(background)).toBe(theme);
  });
});

/** Fluent theme from Office's: dark when the host's body background is dark. */
import { webLightTheme, type Theme } from '@fluentui/react-components';
import { createContext, useContext } from 'react';

export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return false;
  const n = parseInt(m[1] as string, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

/** Fluent's dark theme, its own chunk: most panes are light, and they never fetch it. */
export async function darkTheme(): Promise<Theme> {
  return (await import(/* webpackChunkName: "theme-dark" */ './theme-dark')).webDarkTheme;
}

export async function themeFor(bodyBackground: string | undefined): Promise<Theme> {
  return isDarkColor(bodyBackground) ? darkTheme() : webLightTheme;
}

/**
 * The pane's theme as values, for what cannot take Fluent's CSS variables: the charts' SVG
 * presentation attributes (stroke="var(…)" is not honoured by every Office webview).
 */
export const PaneThemeContext = createContext<Theme>(webLightTheme);

export function usePaneTheme(): Theme {
  return useContext(PaneThemeContext);
}

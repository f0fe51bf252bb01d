/** Fluent theme from Office's: dark when the host's body background is dark. */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export function isDarkColor(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  if (!m) return false;
  const n = parseInt(m[1] as string, 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

export function themeFor(bodyBackground: string | undefined): Theme {
  return isDarkColor(bodyBackground) ? webDarkTheme : webLightTheme;
}

/** Fluent's dark theme alone, for themeFor's lazy chunk. */
export { webDarkTheme } from '@fluentui/react-components';

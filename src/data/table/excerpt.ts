/**
 * File content quoted back to the user is short and inert: control characters (terminal escape
 * codes included) are shown as \xNN / \uNNNN, and long text is cut.
 */
import { detach, escapeControls } from '../formats';

export { escapeControls } from '../formats';

/** At most `max` characters of `s` (escaped), with "…" when cut. */
export function excerpt(s: string, max = 40): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  // Kept in an issue: must not pin the file's text (detach.ts).
  return detach(escapeControls(cut));
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Output bound for a terminal: every control character except \n, \r and \t becomes a \uNNNN
 * escape (escape sequences in a file name or cell cannot move the cursor, retitle the window or
 * reorder text). \uNNNN is also a valid JSON escape, so --json output stays the same JSON.
 */
export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

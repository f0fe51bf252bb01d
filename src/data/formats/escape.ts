/**
 * Control characters (terminal escape codes, CR, bidi marks) shown as \xNN / \uNNNN: the one
 * escaping for file content quoted back to the user (table/excerpt.ts) and for names the files
 * themselves carry, such as sheet names (xlsx-parts.ts).
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function escapeControls(s: string): string {
  return s.replace(CONTROL, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Text or an attribute value inside XML a writer builds by hand (chart parts, drawings). */
export function escapeXml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&apos;');
}

/**
 * What the custom functions need from their host: the display language, and Excel-shaped
 * errors. Works with nothing but a `CustomFunctions` global (Node tests, the shared runtime
 * before Office.onReady): `Office` is optional.
 */
import { isAdplanError, type ErrorKind } from '../model/core';
import { toLang, type Lang } from '../i18n/text';

/** Office's display language when the shared runtime knows it, else en-US. */
export function displayLang(): Lang {
  try {
    if (typeof Office !== 'undefined' && Office.context?.displayLanguage) return toLang(Office.context.displayLanguage);
  } catch {
    // Office.js present but not initialised yet: fall through to the default language.
  }
  return 'en-US';
}

/**
 * Excel shows a custom function's message only on #VALUE! and #N/A (#NUM!, #DIV/0! … drop it), and
 * every AdPlan error explains itself, so every kind maps to one of those two: bad input → #VALUE!;
 * valid input without an answer (unit margin ≤ 0, no identified curve) and an unknown name → #N/A.
 */
const CODE: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  input: 'invalidValue' as CustomFunctions.ErrorCode,
  math: 'notAvailable' as CustomFunctions.ErrorCode,
  lookup: 'notAvailable' as CustomFunctions.ErrorCode,
};

function errorCode(kind: ErrorKind): CustomFunctions.ErrorCode {
  // Read the enum from the runtime (the real one or a test double) rather than trusting strings.
  const codes = CustomFunctions.ErrorCode as unknown as Record<string, CustomFunctions.ErrorCode>;
  return codes[CODE[kind]] ?? CODE[kind];
}

/** Turns anything thrown into a CustomFunctions.Error (never an uncaught exception). */
export function toExcelError(e: unknown, lang: Lang = displayLang()): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  if (isAdplanError(e)) return new CustomFunctions.Error(errorCode(e.kind), e.text[lang]);
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(
    errorCode('input'),
    lang === 'zh-CN' ? `AdPlan 内部错误:${detail}` : `AdPlan internal error: ${detail}`,
  );
}

/** Runs a function body; any failure becomes an Excel error value thrown to Excel. */
export function guard<T>(body: (lang: Lang) => T): T {
  const lang = displayLang();
  try {
    return body(lang);
  } catch (e) {
    throw toExcelError(e, lang);
  }
}

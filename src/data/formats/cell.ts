/** A cell value as Excel (Office.js / custom functions), ExcelJS or a CSV row hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

/** The reader's public, browser-safe surface. The Node file edge is ./file (loadWorkbookFile). */
export { readHistory } from './history';
export { readAssumptions, resolveAssumptionKey } from './assumptions';
export { readWorkbookBuffer, type WorkbookRead, type WorkbookOptions } from './merchant';
export { parseNumber, parseDate, isMissing, excelSerialToDate, dateToExcelSerial } from './cells';
export { FIELDS, FIELD_SPEC } from './table';
export type * from './table';

/** The reader's public, browser-safe surface. The Node file edge is ./file (loadWorkbookFile). */
export { readHistory } from './history';
export { readAssumptions, resolveAssumptionKey } from './assumptions';
export { readWorkbookBuffer, type WorkbookRead, type WorkbookOptions } from './workbook';
export { parseNumber, parseDate, isMissing, excelSerialToDate, dateToExcelSerial } from './cells';
export { FIELDS, FIELD_SPEC } from './fields';
export type * from './types';

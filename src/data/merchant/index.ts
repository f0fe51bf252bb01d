export * from './join';
export * from './merchant';
export * from './workbook';

export * from './join';
export * from './merchant';
export * from './workbook';
export * from './target-log';
export * from './sheet-choice';

export * from './calendar-sheet';
export * from './events-file';

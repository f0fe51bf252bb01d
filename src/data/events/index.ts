export * from './calendar-sheet';

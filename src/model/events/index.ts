export * from './types';
export * from './calendar';
export * from './phase-defaults';
export * from './plan-events';
export * from './effects';
export * from './with-calendar';
export * from './flags';
export * from './flagged';

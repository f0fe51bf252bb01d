export * from './types';
export * from './flags';
export * from './treatment';

export * from './excerpt';
export * from './fields';
export * from './headers';
export * from './issue-count';
export * from './sheet-head';
export * from './types';
export * from './issue-adder';

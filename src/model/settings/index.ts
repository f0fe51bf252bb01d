export * from './assumption-check';
export * from './assumptions';
export * from './run-options';
export * from './missing-inputs';

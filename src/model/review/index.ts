export * from './backtest';
export * from './backtest-forecast';
export * from './review';
export * from './review-band';
export * from './review-changes';
export * from './review-split';
export * from './review-verdict';
export * from './types';

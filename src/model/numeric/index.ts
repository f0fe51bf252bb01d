export * from './bisect';
export * from './linear';
export * from './quantile';
export * from './random';
export * from './normal';
export * from './lm';
export * from './stats';

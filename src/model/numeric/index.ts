export * from './bisect';
export * from './linear';
export * from './quantile';
export * from './random';

export * from './response-curve';

export * from './assumptions';
export * from './scenarios-for';

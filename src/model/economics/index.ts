export * from './economics';
export * from './roi-bases';
export * from './scenarios';
export * from './net-basis';

export * from './cells';
export * from './clean';
export * from './messages';
export * from './normalize';

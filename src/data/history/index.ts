export * from './day-fold';
export * from './day-record';
export * from './fingerprint';
export * from './history';
export * from './merged-dates';
export * from './read-context';
export * from './row-read';
export * from './walk';

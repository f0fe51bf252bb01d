export * from './analyse';
export * from './baseline';
export * from './curve-fit';
export * from './lift';
export * from './room';
export * from './room-fit';

export * from './analyse';
export * from './baseline';
export * from './calibrated-room';
export * from './calibration';
export * from './curve-fit';
export * from './lift';
export * from './room';
export * from './room-fit';

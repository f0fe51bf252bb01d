export * from './date-span';
export * from './dimensions';
export * from './families';
export * from './merchant-name';
export * from './single-session';

export * from './action';
export * from './cash';
export * from './planner';
export * from './room-plan';
export * from './scenario-plan';
export * from './sustainable-spend';
export * from './uncertainty';

export * from './columns';
export * from './kpi';
export * from './report';
export * from './readiness-rows';
export * from './targets';

export * from './columns';
export * from './kpi';
export * from './report';
export * from './targets';

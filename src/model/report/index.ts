export * from './columns';
export * from './kpi';
export * from './report';

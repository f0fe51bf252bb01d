export * from './readiness';
export * from './assess';
export * from './benchmarks';
export * from './checks';
export * from './measures';
export * from './what-if';

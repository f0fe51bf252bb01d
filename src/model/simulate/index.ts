/**
 * Risk (docs/model.md), in three modules: one run (sim-run.ts), the seeded Monte Carlo
 * (monte-carlo.ts), the tornado (sensitivity.ts) and the report and statistics (risk.ts).
 * This file gathers them for callers.
 */
export { meanOne, simContextOf, type SimContext } from './sim-run';
export type { Uncertainty } from '../plan';
export { checkRuns, simulate, type SimulationResult } from './monte-carlo';
export { quantile } from '../numeric';
export { riskReport, simulationStat, SIM_METRICS, type SimMetric } from './risk';
export { sensitivity } from './sensitivity';
export type { SensitivityRow } from '../report';

/**
 * Risk (MODEL.md §9), in three modules: one run (sim-run.ts), the seeded Monte Carlo
 * (monte-carlo.ts), the tornado (sensitivity.ts) and the report and statistics (risk.ts).
 * This file gathers them for callers.
 */
export { meanOne, simContextOf, type SimContext, type Uncertainty } from './sim-run';
export { checkRuns, simulate, type SimulationResult } from './monte-carlo';
export { quantile } from './quantile';
export { riskReport, simulationStat, SIM_METRICS, type SimMetric } from './risk';
export { sensitivity, type SensitivityRow } from './sensitivity';

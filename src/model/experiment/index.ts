/** Experiments a single room can run: design, schedule, analysis, and the results as calibration rows. */
export { designExperiment, DEFAULT_LIFT, type DesignOptions, type ExperimentDesign, type PlanContext, type TestCost } from './design';
export { analyseExperiment, type Estimate, type ExperimentResult, type StepResult, type Verdict } from './analyse';
export { ruleBreaks, scheduleFromLog, scheduleFromTargets, keptDays, MAX_STEP, LEARNING_DAYS, type DesignKind, type Schedule, type ScheduleDay, type TargetBasis, type TargetDay } from './schedule';
export { daysPerArm, detectableLift, arInflation } from './power';
export { MAX_TEST_DAYS } from './size';
export { roomNoise, type RoomNoise } from './noise';
export type { TestValue } from './value';

/** Experiments a single room can run: design, schedule, analysis, and the results as calibration rows. */
export { designExperiment, DEFAULT_LIFT, type DesignOptions, type ExperimentDesign, type PlanContext, type TestCost } from './design';
export { analyseExperiment, INTERVAL, MIN_BLOCKS, type Estimate, type ExperimentResult, type StepResult, type Verdict } from './analyse';
export {
  keptDays,
  LEARNING_DAYS,
  MAX_STEP,
  ruleBreaks,
  scheduleFromLog,
  scheduleFromTargets,
  stepSchedule,
  switchbackSchedule,
  targetLevels,
  type DesignKind,
  type Schedule,
  type ScheduleDay,
  type TargetBasis,
  type TargetDay,
} from './schedule';
export { arInflation, contrastDf, daysPerArm, detectableLift, ncpFor, tTestPower } from './power';
export { MAX_TEST_DAYS, sizeForDays, sizeForLift, type ScheduleBuilder, type TestSize } from './size';
export { normalCdf, normalQuantile, tQuantile } from './student-t';
export { roomNoise, type RoomNoise } from './noise';
export type { TestValue } from './value';

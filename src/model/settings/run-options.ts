/**
 * Defaults and bounds of the options that are not assumption keys (Monte Carlo runs and seed),
 * said once for the engine, the CLI and the functions. Assumption keys live in ./assumptions.ts.
 */
export interface OptionBounds {
  default: number;
  min: number;
  max: number;
}

export const RUN_OPTIONS: { readonly runs: OptionBounds; readonly functionRuns: OptionBounds; readonly seed: OptionBounds } = {
  /** Monte Carlo runs of the engine and the CLI; 0 = no risk report. */
  runs: { default: 1000, min: 0, max: 1_000_000 },
  /** Runs inside a worksheet function: at least one, few enough to keep Excel responsive. */
  functionRuns: { default: 1000, min: 1, max: 20_000 },
  /** Any 32-bit value, signed or unsigned (the PRNG seeds from its low 32 bits). */
  seed: { default: 1, min: -2_147_483_648, max: 4_294_967_295 },
};

/** The calendar's vocabulary lives with the engine's input (history.ts); re-exported here for events code. */
export type { EventPhase, EventWindow, FlagKind, FlaggedDay, FittedEventEffect } from '../core';

/**
 * The merchant's own fitted event effects: what the whole-room fit learned per event phase
 * (RoomFit.eventEffects, when the fit carries them). Read structurally, so plans use them as soon
 * as the fit provides them and fall back to the labelled defaults before.
 */
import type { FittedEventEffect } from '../core';

function isEffect(x: unknown): x is FittedEventEffect {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Partial<Record<keyof FittedEventEffect, unknown>>;
  return typeof e.name === 'string' && typeof e.phase === 'string' && typeof e.organic === 'number' && typeof e.response === 'number' && typeof e.fitted === 'boolean';
}

/** The fitted effects a fit result carries (an `eventEffects` array), else none. */
export function fittedEventEffects(fit: object | null): FittedEventEffect[] {
  if (!fit || !('eventEffects' in fit) || !Array.isArray(fit.eventEffects)) return [];
  return (fit.eventEffects as unknown[]).filter(isEffect);
}

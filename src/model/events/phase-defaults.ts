/**
 * What an event phase does to a plan day when neither the user nor the merchant's own history says
 * otherwise: labelled defaults (practitioner estimates, no measured provenance), in one table.
 * organic × scales the organic room, response × the paid curve's level, refund × the refund rate,
 * capacity × the fulfilment capacity, cost × the curve's half-saturation spend K (CPMs inflate in
 * 大促, so the same spend buys less reach). docs/model.md "Plans through event windows".
 */
import type { EventPhase } from '../core';

export interface PhaseMultipliers {
  organic: number;
  response: number;
  refund: number;
  capacity: number;
  cost: number;
}

export const PHASE_DEFAULTS: Readonly<Record<EventPhase, PhaseMultipliers>> = {
  build: { organic: 1.1, response: 1.05, refund: 1, capacity: 1, cost: 1.1 },
  warmup: { organic: 1.3, response: 1.15, refund: 1.1, capacity: 1.2, cost: 1.2 },
  // Refunds run 1.5–2× normal at the peak: the low end, as a default.
  peak: { organic: 2, response: 1.5, refund: 1.5, capacity: 1.5, cost: 1.5 },
  encore: { organic: 1.3, response: 1.1, refund: 1.2, capacity: 1.2, cost: 1.2 },
  hangover: { organic: 0.85, response: 0.9, refund: 1, capacity: 1, cost: 1 },
  // Couriers stop: little sells, and what sells waits to ship.
  pause: { organic: 0.1, response: 0.1, refund: 1, capacity: 1, cost: 1 },
};

/** Where a plan day's organic and response multipliers came from. */
export type MultiplierSource = 'user' | 'fitted' | 'default';

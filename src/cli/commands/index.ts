/**
 * The command registry: one line per command. To add `adplan <name>`, write
 * src/cli/commands/<name>.ts exporting a `Command` and list it here.
 */
import type { Command } from '../command';
import { check } from './check';
import { experiment } from './experiment';
import { plan } from './plan';
import { portfolio } from './portfolio';
import { reviewCommand } from './review';
import { targets } from './targets';

export const COMMANDS: readonly Command[] = [check, plan, portfolio, reviewCommand, targets, experiment];

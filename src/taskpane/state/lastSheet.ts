/**
 * A gateway that remembers the last sheet it was asked to read, so a failed workbook read can
 * tell the user where it stopped (the host's own error rarely names the sheet).
 */
import type { WorkbookGateway } from '../gateway/types';

export interface SheetTracking {
  gateway: WorkbookGateway;
  /** The sheet of the last read started, null before any. */
  lastSheet(): string | null;
}

export function trackSheets(gw: WorkbookGateway): SheetTracking {
  let last: string | null = null;
  const gateway: WorkbookGateway = Object.create(gw) as WorkbookGateway;
  // Own properties shadow the original's; everything else is delegated through the prototype.
  gateway.readUsedRange = (sheet) => {
    last = sheet;
    return gw.readUsedRange(sheet);
  };
  return { gateway, lastSheet: () => last };
}

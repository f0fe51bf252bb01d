/**
 * The pane's "try the reader/engine, else fall back" sites swallow only the user's input errors:
 * a programming error (here a TypeError from a stubbed dependency) must surface, not turn into
 * "no history here" or "no curve to draw".
 */
import * as headers from '../../src/data/table/headers';
import type { CurveReport } from '../../src/model/report';
import * as responseCurve from '../../src/model/transforms/response-curve';
import { marginalCurve } from '../../src/taskpane/charts/series';
import { isExportFamily, looksLikeHistory } from '../../src/taskpane/state/findData';
import { headerRowIndex } from '../../src/taskpane/state/mapping';

const bug = (): never => {
  throw new TypeError('a bug, not a user input');
};

// Two text cells, no history field: the reader rejects it as input.
const notHistory = [['品牌', '备注'], ['x', 'y']];

const curve = (params: Record<string, number>): CurveReport => ({
  model: 'hill',
  params,
  r2: null,
  n: 0,
  minSpend: null,
  maxSpend: 1000,
  residualSd: null,
  basis: 'direct',
});

afterEach(() => jest.restoreAllMocks());

describe('findData', () => {
  it('treats a table without history headers as "not history"', () => {
    expect(looksLikeHistory(notHistory)).toBe(false);
    expect(isExportFamily(notHistory)).toBe(false);
  });

  it('lets an unexpected error through', () => {
    jest.spyOn(headers, 'detectHeader').mockImplementation(bug);
    expect(() => looksLikeHistory(notHistory)).toThrow(TypeError);
    expect(() => isExportFamily(notHistory)).toThrow(TypeError);
  });
});

describe('mapping', () => {
  it('falls back to the first row with text when the reader finds no header', () => {
    expect(headerRowIndex([[null], ...notHistory])).toBe(1);
  });

  it('lets an unexpected error through', () => {
    jest.spyOn(headers, 'detectHeader').mockImplementation(bug);
    expect(() => headerRowIndex(notHistory)).toThrow(TypeError);
  });
});

describe('series', () => {
  it('draws nothing for a curve whose parameters the engine rejects', () => {
    expect(marginalCurve(curve({ gmax: -1, k: 100, a: 1 }), [])).toEqual([]);
  });

  it('lets an unexpected error through', () => {
    jest.spyOn(responseCurve, 'curveFromReport').mockImplementation(bug);
    expect(() => marginalCurve(curve({ gmax: 1000, k: 100, a: 1 }), [])).toThrow(TypeError);
  });
});

import { beltAssumptionCells, beltMerchant, type BeltKind } from '../../src/portfolio/belt';

describe('synthetic belt', () => {
  it('draws merchant i the same way whatever else is drawn, and differently per belt seed', () => {
    expect(beltMerchant(3, 17)).toEqual(beltMerchant(3, 17));
    expect(beltMerchant(4, 17)).not.toEqual(beltMerchant(3, 17));
  });

  it('mixes the kinds in the documented shares (±4 points over 2,000 merchants)', () => {
    const shares: Record<BeltKind, number> = { ready: 0.6, 'no-paid': 0.1, thin: 0.08, new: 0.06, 'tight-cash': 0.1, 'thin-margin': 0.06 };
    const n = 2000;
    const counts: Record<string, number> = {};
    for (let i = 0; i < n; i++) {
      const k = beltMerchant(1, i).kind;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    for (const [k, share] of Object.entries(shares)) expect(Math.abs((counts[k] ?? 0) / n - share)).toBeLessThan(0.04);
  });

  it('gives each kind its defining trait', () => {
    const byKind = new Map<BeltKind, ReturnType<typeof beltMerchant>>();
    for (let i = 0; byKind.size < 6 && i < 500; i++) {
      const m = beltMerchant(1, i);
      if (!byKind.has(m.kind)) byKind.set(m.kind, m);
    }
    expect(byKind.get('no-paid')?.truth.spend).toBeNull();
    expect(byKind.get('new')?.truth.days).toBe(10);
    expect(byKind.get('thin')?.truth.organicViewsPerDay).toBeLessThan(200);
    expect(byKind.get('thin-margin')?.base.cogs_rate).toBeGreaterThanOrEqual(0.6);
    const ready = byKind.get('ready');
    const tight = byKind.get('tight-cash');
    // Cash in days of the curve's half-saturation spend k: 25–90 for most, 2–6 when tight.
    expect((ready?.base.cash_available ?? 0) / (ready?.truth.curve?.k ?? 1)).toBeGreaterThan(20);
    expect((tight?.base.cash_available ?? 0) / (tight?.truth.curve?.k ?? 1)).toBeLessThan(7);
  });

  it('writes an assumptions table whose preset columns leave Base values blank (inherit)', () => {
    const cells = beltAssumptionCells({ cogs_rate: 0.3, cash_available: 50_000 });
    expect(cells[0]).toEqual(['key', 'Base', 'Conservative', 'Aggressive']);
    expect(cells.find((r) => r[0] === 'cogs_rate')).toEqual(['cogs_rate', 0.3, null, null]);
    expect(cells.find((r) => r[0] === 'safety_margin')).toEqual(['safety_margin', 0.15, 0.3, 0.05]);
  });
});

/**
 * The architecture the folders show, kept by the build (`npm run lint`): no import cycle (type-only
 * imports included), each sub-package imports only the packages before it, and code outside a
 * package imports it only through its index.ts. README "Architecture" lists the same order.
 */
const MODEL = ['core', 'numeric', 'report', 'settings', 'transforms', 'economics', 'events', 'fit', 'readiness', 'plan', 'simulate', 'experiment', 'review'];
const DATA = ['formats', 'cells', 'table', 'families', 'history', 'assumptions', 'experiment', 'merchant', 'node'];

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Package i of an ordered list may not import packages i+1… (nor the list's facade files). */
function layerRules(root, order, facades) {
  return order.map((pkg, i) => {
    const later = order.slice(i + 1).map((p) => `${esc(root)}/${p}/`);
    const targets = [...later, ...facades.map((f) => `${esc(root)}/${esc(f)}$`)];
    return {
      name: `layer-${root.split('/').pop()}-${pkg}`,
      comment: `${root}/${pkg} imports only the packages before it (${order.slice(0, i).join(', ') || 'none'})`,
      severity: 'error',
      from: { path: `^${esc(root)}/${pkg}/` },
      to: { path: `^(${targets.join('|')})` },
    };
  });
}

/** From outside a package, only its index.ts (tests may reach inside, e.g. to spy on one module). */
function surfaceRules(root, order) {
  return order.map((pkg) => ({
    name: `via-index-${root.split('/').pop()}-${pkg}`,
    comment: `import ${root}/${pkg} through its index.ts`,
    severity: 'error',
    from: { pathNot: `^(${esc(root)}/${pkg}/|test/)` },
    to: { path: `^${esc(root)}/${pkg}/`, pathNot: `^${esc(root)}/${pkg}/index\\.ts$` },
  }));
}

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'no import cycle, type-only imports included', from: {}, to: { circular: true } },
    {
      name: 'model-is-pure',
      severity: 'error',
      comment: 'the engine imports nothing but itself and the shared text type',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/(model|i18n)/' },
    },
    {
      name: 'data-below-surfaces',
      severity: 'error',
      comment: 'the reader imports the engine vocabulary, never a surface',
      from: { path: '^src/data/' },
      to: { path: '^src/(cli|functions|taskpane|preview|portfolio|sample)/' },
    },
    ...layerRules('src/model', MODEL, ['engine.ts']),
    ...layerRules('src/data', DATA, ['index.ts']),
    ...surfaceRules('src/model', MODEL),
    ...surfaceRules('src/data', DATA),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
  },
};

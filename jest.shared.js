/**
 * The transform both Jest configs use (unit and e2e): TypeScript through ts-jest, and the
 * ESM-only packages compiled too (Jest 30 on Node 20 cannot require them).
 */
const esmPackages = ['d3-[a-z-]+', 'internmap', 'strip-bom', 'uuid', 'delaunator', 'robust-predicates', 'get-east-asian-width'].join('|');

const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: { warnOnly: false } }];

module.exports = {
  transform: { '^.+\\.m?[tj]sx?$': tsJest },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages})/)`],
};

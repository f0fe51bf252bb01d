/** Two projects: the engine, reader, functions and CLI run in Node; the task pane in jsdom. */
const transform = require('./jest.shared');

const shared = {
  ...transform,
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/shims/office-addin-manifest.ts',
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // A ceiling that only ends a hung test: no test waits for a clock, so a loaded machine is slower,
  // never red. test/taskpane/setup.ts keeps Testing Library's async ceiling just below it.
  testTimeout: 300_000,
  // Jest's default is cores − 1 workers: one on a 2-core machine. Both cores halve the idle wall time.
  maxWorkers: '100%',
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/taskpane/', '<rootDir>/test/e2e/'],
    },
    {
      ...shared,
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/taskpane/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/test/taskpane/setup.ts'],
    },
  ],
};

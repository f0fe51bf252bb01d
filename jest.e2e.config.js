/** End-to-end tests: the production build served on 127.0.0.1, driven in Debian's Chromium. */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  ...require('./jest.shared'),
  testTimeout: 180000,
  maxWorkers: 1,
};

import { defineConfig } from 'vitest/config';

// Three projects so CI can run the self-contained suites (`npm test`) apart from the
// ones that read ../shared (`npm run test:fixtures`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.diff.test.ts', 'src/**/*.fixtures.test.ts', 'node_modules/**'],
          environment: 'node',
          // Generous: CI boxes have two busy cores, and no test asserts on time.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'differential',
          include: ['src/**/*.diff.test.ts'],
          environment: 'node',
          globalSetup: ['src/testing/differentialSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // DynamoDB Local shares the two cores; more workers only add contention.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'fixtures',
          sequence: { groupOrder: 2 },
          include: ['src/**/*.fixtures.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
    ],
  },
});

import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@payload-config': path.resolve(__dirname, 'src/payload.config.ts'),
  '@/': `${path.resolve(__dirname, 'src')}/`,
}

/**
 * Files that start worker or server processes, or measure time against fakes with latencies and
 * rate windows: they run one at a time, after the rest, so no other test file competes with their
 * processes for this machine's two cores.
 */
const PROCESS_FILES = [
  'tests/int/dispatcher*.test.ts',
  'tests/int/engagement-pull.test.ts',
  'tests/int/backup.test.ts',
  'tests/int/channels-*.test.ts',
]

const int = {
  environment: 'node',
  pool: 'forks' as const,
  globalSetup: ['tests/helpers/templateDatabase.ts'],
  setupFiles: ['src/preload.ts', 'tests/helpers/freshEnvironment.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
}

/**
 * Four projects. `unit` runs pure functions and small Express apps, with no Payload and no
 * database. `int` drives Payload's Local API on a fresh SQLite file per test file (a copy of one
 * template migrated once per run: tests/helpers/templateDatabase.ts), two files at a time (Vitest
 * would take one on two cores: most files wait on SQLite, HTTP and timers as much as on the CPU);
 * `int-processes` then runs PROCESS_FILES one at a time. `e2e` last: the real Express server (on an
 * ephemeral loopback port, over a production Next build) and Chromium, one file at a time.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          setupFiles: ['src/preload.ts', 'tests/helpers/unitEnvironment.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...int,
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          exclude: PROCESS_FILES,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...int,
          name: 'int-processes',
          include: PROCESS_FILES,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          globalSetup: ['tests/helpers/buildOnce.ts', 'tests/helpers/templateDatabase.ts'],
          setupFiles: ['src/preload.ts', 'tests/helpers/freshEnvironment.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})

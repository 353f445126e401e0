import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@payload-config': path.resolve(__dirname, 'src/payload.config.ts'),
  '@/': `${path.resolve(__dirname, 'src')}/`,
}

/**
 * Three projects: `unit` runs pure functions and small Express apps, with no Payload and no
 * database; `int` drives Payload's Local API on a fresh SQLite file per test file (a copy of one
 * template migrated once per run: tests/helpers/templateDatabase.ts); `e2e` runs the real Express
 * server (on an ephemeral loopback port, over a production Next build) and Chromium.
 */
export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one file at a time; most files wait on I/O (Chromium, child
    // processes, loopback servers) as much as they compute: two at a time took the whole run from
    // 897 s to 770 s on this 2-core machine, with every test passing.
    maxWorkers: 2,
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
          // Importing the Payload config (the access matrix) takes a while on a loaded machine.
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          globalSetup: ['tests/helpers/templateDatabase.ts'],
          setupFiles: ['src/preload.ts', 'tests/helpers/freshEnvironment.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
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
        },
      },
    ],
  },
})

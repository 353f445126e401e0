import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@payload-config': path.resolve(__dirname, 'src/payload.config.ts'),
  '@/': `${path.resolve(__dirname, 'src')}/`,
}

/**
 * Two projects: `int` drives Payload's Local API on a fresh SQLite file per test file; `e2e` runs the
 * real Express server (on an ephemeral loopback port, over a production Next build) and Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
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
          globalSetup: ['tests/helpers/buildOnce.ts'],
          setupFiles: ['src/preload.ts', 'tests/helpers/freshEnvironment.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})

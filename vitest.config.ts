import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

const alias = { '~': resolve(import.meta.dirname, 'src') };

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        resolve: { alias },
        define: {
          __TARGET__: JSON.stringify('chrome'),
          __TEST_BUILD__: 'false',
          __SPLIT_PAGE_UI__: 'false',
        },
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/setup.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          retry: 0,
        },
      },
    ],
  },
});

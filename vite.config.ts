import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const serviceUrl = process.env.SERVICE_URL ?? 'http://127.0.0.1:8081';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    // In development the reference service runs beside Vite; every API path goes to it so that
    // the browser stays same-origin, exactly as when `npm start` serves both from one port.
    proxy: Object.fromEntries(
      ['/v1.0', '/v2', '/v2.0', '/v5', '/dfw', '/ord', '/proxy', '/health'].map((p) => [
        p,
        { target: serviceUrl, changeOrigin: false },
      ]),
    ),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // CI reads the JSON report to print one closing tally for unit and e2e tests together.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/unit.json' },
  },
});

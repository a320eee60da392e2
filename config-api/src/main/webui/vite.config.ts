import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false, assetsInlineLimit: 0, chunkSizeWarningLimit: 700 },
  server: {
    // `npm run dev` against a running config-api (./plugsync local)
    proxy: {
      '/api': process.env.CONFIG_API_URL ?? 'http://localhost:8080',
      '/v1': process.env.CONFIG_API_URL ?? 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // component tests render in jsdom in ~1 s; on a busy 2-core build machine the first one has
    // taken over 5 s (vitest's default limit), failing the Maven build for no fault of the code
    testTimeout: 30_000,
  },
});

import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, loadEnv } from 'vite';
import { precompress } from './build/precompress';

// react-router's package exports only its development build (warnings and checks kept in); it ships
// the production build beside it, which a production bundle should use (0.4 kB less on every page, gzip).
const reactRouterDir = dirname(createRequire(import.meta.url).resolve('react-router/package.json'));

// Run from web/ (npm run build -w web): Vite's root is the working directory.
export default defineConfig(({ mode }) => {
  // HPEN_API_URL points the dev/preview proxy at an API on another port (default: the usual 3000).
  const env = loadEnv(mode, '.', 'HPEN_');
  // The API sets its refresh cookie on /api/auth; proxying keeps it same-origin outside production.
  const api = { '/api': { target: env.HPEN_API_URL ?? 'http://localhost:3000' } };
  return {
    // Source maps go to web/sourcemaps (not served); .br/.gz copies sit beside the built files.
    plugins: [react(), precompress({ mapsDir: 'sourcemaps' })],
    resolve:
      mode === 'production' ? { alias: [{ find: /^react-router$/, replacement: join(reactRouterDir, 'dist/production/index.mjs') }] } : {},
    server: { proxy: api },
    preview: { proxy: api },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: 'hidden',
      // dist/.vite/manifest.json: which chunks each page needs, read by the bundle budget test.
      manifest: true,
      rolldownOptions: {
        output: {
          // Libraries change less often than our code: separate chunks stay cached across releases.
          // zod has its own chunk: only pages with forms or parsed URLs need it, not a visitor's first page.
          codeSplitting: {
            groups: [
              // Only the account page's two-step set-up imports it (dynamically): keep it out of vendor.
              { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|pngjs)[\\/]/ },
              // Only the reports pages' charts import it (dynamically, chart.tsx): keep it out of vendor.
              { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
              // react-query too: the home page fetches nothing (routes/lazy-pages.ts).
              { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
              { name: 'vendor', test: /node_modules[\\/]/ },
            ],
          },
        },
      },
    },
  };
});

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { port: 5173, strictPort: true },
  // Pre-bundle every browser dependency up front: one found late makes Vite reload the page
  // mid-session (and mid-test).
  optimizeDeps: {
    include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client', '@xyflow/react', 'zustand', 'zustand/react/shallow', 'zundo', 'zod', 'ipaddr.js', 'yaml', '@cdktf/hcl2json/wasm/wasm_exec.js'],
  },
  // The HCL parser's worker loads its Go runtime with a dynamic import: only ES workers can split.
  worker: { format: 'es' },
  // `npm run bench:ui` builds the bare React Flow baseline beside the app (into dist-bench/ only).
  ...(process.env.TIERWISE_BENCH_BUILD ? { build: { rollupOptions: { input: { main: 'index.html', bare: 'bench-ui/bare.html' } } } } : {}),
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    // Playwright specs live in e2e/ and use their own runner; never let Vitest collect them.
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
  },
});

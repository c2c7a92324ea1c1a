import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API serves the built UI at `/` and itself under `/api`; in development the
// proxy keeps the same single origin so the SameSite=Strict session cookie works.
const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? '3000'}`;
const proxy = { '/api': { target: apiTarget } };

export default defineConfig({
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin and MUI alone are ~850 kB minified (~280 kB gzipped); warn beyond that.
    chunkSizeWarningLimit: 1000,
  },
});

/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The dev server proxies the API to a locally running `coder server` (default port 3000).
const backend = process.env.CODER_DEV_BACKEND ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Lets scripts/bundle-size.mjs tell which chunks a route loads.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: backend, changeOrigin: false, ws: true },
      "/healthz": { target: backend },
    },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    setupFiles: ["./src/testing/setup.ts"],
    globals: false,
    css: false,
    restoreMocks: true,
    clearMocks: true,
    // The machine is small and shared; user-event flows in jsdom can take seconds under load.
    testTimeout: 30_000,
  },
});

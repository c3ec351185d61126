import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/csp.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Writes the one CSP into the page, so file:// in Electron enforces it too. */
function injectCsp(): Plugin {
  return {
    name: 'nonlocal-bind-csp',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), injectCsp()],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    // No inline assets: CSP forbids nothing here, but files keep the bundle size honest.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome120',
  },
});

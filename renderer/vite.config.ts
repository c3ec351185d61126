import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import babel from '@rolldown/plugin-babel';
import { lingui } from '@lingui/vite-plugin';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/csp.ts';
import { pseudoCatalogs } from '../scripts/i18n/vite-pseudo-catalogs.ts';
import { catalogChunkName } from '../scripts/i18n/chunk-names.ts';
import { firstPaint } from '../scripts/i18n/vite-first-paint.ts';
import { catalogSplit } from '../scripts/i18n/vite-catalog-split.ts';

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

export default defineConfig(({ command }) => ({
  root: here,
  base: './',
  plugins: [
    // Lingui's macros become i18n._({ id }) calls. A build keeps the ids only (no English
    // in the code): the words live in the active locale's catalog chunk alone.
    babel({
      presets: [
        {
          preset: {
            plugins: [
              ['@lingui/babel-plugin-lingui-macro', { stripMessageField: command === 'build' }],
            ],
          },
          rolldown: { filter: { code: /@lingui\/(core|react)\/macro/ } },
        },
      ],
    }),
    react(),
    lingui({ cwd: path.resolve(here, '..'), failOnCompileError: true }),
    pseudoCatalogs(),
    firstPaint(),
    catalogSplit(),
    injectCsp(),
  ],
  build: {
    outDir: path.resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    // No inline assets: CSP forbids nothing here, but files keep the bundle size honest.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome120',
    rollupOptions: {
      output: { chunkFileNames: (chunk) => catalogChunkName(chunk.facadeModuleId) },
    },
  },
}));

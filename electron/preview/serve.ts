import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../app-version';
import { createBackend } from '../handlers/create-backend';
import { reportLocale } from '../system/diagnostics-locale';
import { localeReportOf } from '../shell/shown-locale';
import { parsePreviewArgs } from './cli-options';
import { startPreviewServer } from './server';

// Entry of `npm run preview`: dist/preview/serve.js next to dist/renderer.
const here = path.dirname(fileURLToPath(import.meta.url));
const staticDir = path.resolve(here, '../renderer');

async function main(): Promise<void> {
  let options;
  try {
    options = parsePreviewArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`preview: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  // With --lang the page's languages are known now; without, the page's requests tell
  // (server.ts), as the browser asks for them.
  if (options.lang) {
    reportLocale(localeReportOf({ requested: options.lang, source: 'argument' }));
  }
  const backend = await createBackend({
    target: options.demo ? { kind: 'demo', scenario: options.demo } : { kind: 'this-computer' },
    version: APP_VERSION,
  });
  const server = await startPreviewServer({
    port: options.port,
    table: backend.table,
    staticDir,
    lang: options.lang,
  });
  process.stdout.write(`Preview: ${server.url}\n`);
  if (backend.demoDir) process.stderr.write(`Demo data in ${backend.demoDir} (removed on exit)\n`);

  // The demo directory is removed however the preview ends.
  const stop = async (): Promise<void> => {
    await server.close();
    backend.dispose();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main();

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION } from '../app-version';
import { createBackend } from '../handlers/create-backend';
import { parsePreviewArgs } from './cli-options';
import { previewLocale } from './preview-locale';
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
  const locale = previewLocale(options.lang);
  const backend = await createBackend({
    target: options.demo ? { kind: 'demo', scenario: options.demo } : { kind: 'this-computer' },
    version: APP_VERSION,
    uiLocale: locale.report,
  });
  const server = await startPreviewServer({
    port: options.port,
    table: backend.table,
    staticDir,
    lang: options.lang,
    pageLanguages: locale.pageAsked,
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

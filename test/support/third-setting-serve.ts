// Child entry: the preview's server and the app's one backend on this computer, with the
// test's catalogue (argv[2]: the built renderer). Prints "Preview: URL" as serve.ts does.
import { createBackend } from '../../electron/handlers/create-backend';
import { startPreviewServer } from '../../electron/preview/server';
import { THIRD_SETTING_CATALOGUE } from './third-setting';

const staticDir = process.argv[2] ?? '';
const backend = await createBackend({
  target: { kind: 'this-computer' },
  version: 'third-setting-test',
  catalogue: THIRD_SETTING_CATALOGUE,
});
const server = await startPreviewServer({ port: 0, table: backend.table, staticDir });
process.stdout.write(`Preview: ${server.url}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});

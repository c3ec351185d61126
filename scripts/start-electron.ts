// `npm start`: launches the built app in Electron. npm may skip Electron's own
// install script, so the binary is fetched here on first run if it is missing.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary';
import { describeMissingElectron } from './missing-electron';

const projectDir = process.cwd();
let binary = findElectronBinary(projectDir);
if (!binary.found && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  process.stdout.write('Electron binary missing; downloading it once…\n');
  // Its own output is a stack trace when the host is unreachable: keep it out of the way.
  const download = spawnSync(
    process.execPath,
    [path.join(projectDir, 'node_modules', 'electron', 'install.js')],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, encoding: 'utf8' },
  );
  binary = findElectronBinary(projectDir);
  if (!binary.found) {
    const firstLine = `${download.stderr ?? ''}`.split('\n').find((l) => /Error/.test(l));
    binary = { found: false, reason: firstLine?.trim() || binary.reason };
  }
}
if (!binary.found) {
  process.stderr.write(describeMissingElectron(binary.reason));
  process.exit(1);
}
const child = spawn(binary.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

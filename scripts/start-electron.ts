// `npm start`: launches the built app in Electron. npm may skip Electron's own
// install script, so the binary is fetched here on first run if it is missing.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary';

const projectDir = process.cwd();
let binary = findElectronBinary(projectDir);
if (!binary.found && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  process.stdout.write(
    'Electron binary missing; downloading it once (node_modules/electron/install.js)…\n',
  );
  spawnSync(process.execPath, [path.join(projectDir, 'node_modules', 'electron', 'install.js')], {
    stdio: 'inherit',
  });
  binary = findElectronBinary(projectDir);
}
if (!binary.found) {
  process.stderr.write(
    `Cannot start Electron: ${binary.reason}.\n` +
      'The same UI runs in a browser without Electron: npm run preview\n',
  );
  process.exit(1);
}
const child = spawn(binary.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

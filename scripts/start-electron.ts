// `npm start`: finds (or fetches once) Electron, builds, then launches the app. Electron
// comes first: a machine that cannot get it learns so in one paragraph, before any build
// output, and without the download's raw exception.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { findElectronBinary } from './electron-binary';
import { downloadProblem, electronDownloadSource } from './electron-download';
import { describeMissingElectron } from './missing-electron';

/** Electron's zip is about 100 MB: two minutes covers a slow line, not a dead one. */
const DOWNLOAD_TIMEOUT_S = 120;

const projectDir = process.cwd();
let binary = findElectronBinary(projectDir);
if (!binary.found && binary.installed && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  const source = electronDownloadSource(projectDir);
  const download = spawnSync(
    process.execPath,
    [path.join(projectDir, 'node_modules', 'electron', 'install.js')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: DOWNLOAD_TIMEOUT_S * 1000,
      encoding: 'utf8',
    },
  );
  binary = findElectronBinary(projectDir);
  if (!binary.found) {
    const problem = downloadProblem(download.status, download.stderr ?? '', DOWNLOAD_TIMEOUT_S);
    binary = {
      found: false,
      installed: true,
      reason: `its download from ${source.host} did not work: ${problem}; tried ${source.url}`,
    };
  } else process.stdout.write(`Electron downloaded once from ${source.host}.\n`);
}
if (!binary.found) {
  process.stderr.write(describeMissingElectron(binary.reason));
  process.exit(1);
}
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const child = spawn(binary.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

// Part of `npm run build`: writes the named polkit action's policy and helper into
// dist/polkit/, from which electron-builder's deb and rpm targets install them (the
// `fpm` mappings in electron-builder.yml). The modes set here are the installed modes.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { polkitPackageFiles, vendorOf } from './polkit-files';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Parameters<typeof vendorOf>[0];
for (const file of polkitPackageFiles(vendorOf(pkg))) {
  mkdirSync(path.dirname(file.source), { recursive: true });
  writeFileSync(file.source, file.content);
  // writeFileSync's mode applies only to a new file, and then through the umask.
  chmodSync(file.source, file.mode);
}

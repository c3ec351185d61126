// `npm run icons`: renders assets/icon.svg (and its 16 px cut) to the PNG sizes desktop
// launchers use. The PNGs are committed; a unit test fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ICON_SIZES, locateIconPng, renderIconPng } from './icons/render-icon';

for (const size of ICON_SIZES) {
  const file = locateIconPng(size);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderIconPng(size));
  console.log(path.relative(process.cwd(), file));
}

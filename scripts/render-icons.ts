// `npm run icons`: renders assets/icon.svg to the PNG sizes desktop launchers use.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

const svg = readFileSync('assets/icon.svg', 'utf8');
mkdirSync('assets/icons', { recursive: true });
for (const size of ICON_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(`assets/icons/${size}x${size}.png`, png);
  console.log(`assets/icons/${size}x${size}.png`);
}

import { Resvg } from '@resvg/resvg-js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The PNG sizes desktop launchers, the deb/rpm hicolor theme and the AppImage use. */
export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export type IconSize = (typeof ICON_SIZES)[number];

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Picks the source drawing for a size. 16 px has its own pixel-grid cut: scaled down, the
 * big icon's dashed ring and arrow blur into a smudge, and the meaning is lost.
 */
export function chooseIconSource(size: IconSize): string {
  return path.join(projectDir, 'assets', size === 16 ? 'icon-16.svg' : 'icon.svg');
}

/** Path of the committed PNG for a size, named NxN as electron-builder expects. */
export function locateIconPng(size: IconSize): string {
  return path.join(projectDir, 'assets', 'icons', `${size}x${size}.png`);
}

/** Renders one size to PNG bytes; resvg is deterministic, so re-rendering is reproducible. */
export function renderIconPng(size: IconSize): Buffer {
  const svg = readFileSync(chooseIconSource(size), 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { loadBuilderConfig } from '../../support/electron-builder-config';
import { ICON_SIZES, locateIconPng, renderIconPng } from '../../../scripts/icons/render-icon';

/** Width and height from a PNG's IHDR chunk, after checking it really is a PNG. */
function readPngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii'), 'first chunk').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('every icon in the directory the config names is a PNG of the size its name claims', () => {
  const dir = loadBuilderConfig().linux.icon;
  const names = readdirSync(dir).sort();
  expect(names).toEqual(ICON_SIZES.map((s) => `${s}x${s}.png`).sort());
  for (const name of names) {
    const match = /^(\d+)x(\d+)\.png$/.exec(name);
    expect(match, name).not.toBeNull();
    const [, w, h] = match ?? [];
    expect(readPngSize(readFileSync(path.join(dir, name))), name).toEqual({
      width: Number(w),
      height: Number(h),
    });
  }
});

test('the committed PNGs are what `npm run icons` renders from the SVGs now', () => {
  for (const size of ICON_SIZES) {
    const fresh = renderIconPng(size);
    expect(readPngSize(fresh)).toEqual({ width: size, height: size });
    expect(
      readFileSync(locateIconPng(size)).equals(fresh),
      `assets/icons/${size}x${size}.png is stale: run npm run icons`,
    ).toBe(true);
  }
});

test('the window uses the packaged 512 px icon', () => {
  // main.ts resolves it next to dist/, which the config's `files` ships as assets/icons/.
  expect(loadBuilderConfig().files).toContain('assets/icons/**/*');
  expect(readFileSync('electron/shell/main.ts', 'utf8')).toContain("'icons', '512x512.png'");
});

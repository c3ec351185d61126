import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import {
  loadBuilderConfig,
  renderDesktopEntry,
  validateBuilderConfig,
} from '../../support/electron-builder-config';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  desktopName: string;
  description: string;
  scripts: Record<string, string>;
};

test("electron-builder.yml passes electron-builder's own schema validation", () => {
  expect(() => validateBuilderConfig(loadBuilderConfig())).not.toThrow();
});

test('a typo in the config fails the same validation', () => {
  const config = loadBuilderConfig();
  expect(() => validateBuilderConfig({ ...config, linx: config.linux })).toThrow(
    /does not match the API schema/,
  );
  expect(() =>
    validateBuilderConfig({ ...config, linux: { ...config.linux, categroy: 'System' } }),
  ).toThrow(/does not match the API schema/);
});

test('targets, dependencies and the default after-install script', () => {
  const config = loadBuilderConfig();
  expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
  expect(config.deb.depends).toEqual(
    expect.arrayContaining(['pkexec | policykit-1', 'procps', 'libgtk-3-0', 'libnss3']),
  );
  expect(config.rpm.depends).toEqual(
    expect.arrayContaining(['polkit', 'procps-ng', 'gtk3', 'nss']),
  );
  // A custom afterInstall would replace the default one that fixes chrome-sandbox permissions.
  expect(JSON.stringify(config)).not.toContain('afterInstall');
  expect(pkg.scripts.dist).toContain('electron-builder --linux AppImage deb rpm');
  expect(pkg.scripts['dist:dir']).toContain('electron-builder --linux --dir');
});

test('the desktop entry electron-builder generates has our name, categories, keywords and WM class', async () => {
  const entry = await renderDesktopEntry(loadBuilderConfig(), pkg);
  const fields = new Map(
    entry
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const),
  );
  expect(fields.get('Name')).toBe('Nonlocal Bind');
  expect(fields.get('Categories')).toBe('System;Settings;');
  expect(fields.get('Keywords')).toBe('sysctl;network;bind;HAProxy;Keepalived;VIP;');
  expect(fields.get('Icon')).toBe('nonlocal-bind');
  expect(fields.get('Exec')).toBe(
    '/opt/Nonlocal Bind/nonlocal-bind %U'.replace(/^(.*) %U$/, '"$1" %U'),
  );
  // Electron uses desktopName as the window's WM_CLASS / app_id; launchers group by it.
  expect(fields.get('StartupWMClass')).toBe('nonlocal-bind');
  expect(pkg.desktopName).toBe('nonlocal-bind.desktop');
  expect(fields.get('Comment')).toContain('the virtual IP yet');
});

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('every icon the config names exists at the size its name claims', () => {
  const config = loadBuilderConfig();
  const names = readdirSync(config.linux.icon)
    .filter((n) => n.endsWith('.png'))
    .sort();
  expect(names).toEqual([
    '128x128.png',
    '16x16.png',
    '256x256.png',
    '32x32.png',
    '48x48.png',
    '512x512.png',
    '64x64.png',
  ]);
  for (const name of names) {
    const [w, h] = name.replace('.png', '').split('x').map(Number);
    expect(pngSize(`${config.linux.icon}/${name}`), name).toEqual({ width: w, height: h });
  }
  expect(readFileSync('electron/main.ts', 'utf8')).toContain("'icons', '512x512.png'");
});

import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  expandArtifactName,
  loadBuilderConfig,
  readDefaultDepends,
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
  // Setting depends replaces electron-builder's defaults: all of them must be listed again.
  expect(config.deb.depends).toEqual([
    ...readDefaultDepends('deb'),
    'pkexec | policykit-1',
    'procps',
  ]);
  expect(config.rpm.depends).toEqual([...readDefaultDepends('rpm'), 'polkit', 'procps-ng']);
  // A custom afterInstall would replace the default one that fixes chrome-sandbox permissions.
  expect(JSON.stringify(config)).not.toContain('afterInstall');
  const defaultScript = readFileSync(
    'node_modules/app-builder-lib/templates/linux/after-install.tpl',
    'utf8',
  );
  expect(defaultScript).toContain("chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox'");
  expect(defaultScript).toContain('apparmor');
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

test('the install instructions name the files the build produces', () => {
  const meta = JSON.parse(readFileSync('package.json', 'utf8')) as {
    name: string;
    version: string;
  };
  const pattern = loadBuilderConfig().appImage.artifactName;
  const appImage = expandArtifactName(pattern, 'x86_64', 'AppImage', meta);
  expect(appImage).toBe(`nonlocal-bind-${meta.version}-x86_64.AppImage`);
  // electron-builder's own default names for deb and rpm (FpmTarget), for the x64 build.
  const deb = `${meta.name}_${meta.version}_amd64.deb`;
  const rpm = `${meta.name}-${meta.version}.x86_64.rpm`;
  for (const doc of ['README.md', 'docs/packaging.md']) {
    const text = readFileSync(doc, 'utf8');
    expect(text, doc).toContain(`chmod +x ${appImage}`);
    expect(text, doc).toContain(`sudo apt install ./${deb}`);
    expect(text, doc).toContain(`sudo dnf install ./${rpm}`);
  }
});

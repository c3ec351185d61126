import { expect } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { loadBuilderConfig } from './electron-builder-config';
import type { InstalledFile } from '../harness/private-polkit';

/** The deb/rpm package's polkit files: each fpm SOURCE=INSTALLED_PATH mapping, with the source's mode. */
export function packagedFiles(): InstalledFile[] {
  const config = loadBuilderConfig();
  expect(config.rpm.fpm).toEqual(config.deb.fpm);
  return config.deb.fpm.map((mapping) => {
    const [source, installPath] = mapping.split('=') as [string, string];
    return {
      path: installPath,
      mode: statSync(source).mode & 0o7777,
      content: readFileSync(source),
    };
  });
}

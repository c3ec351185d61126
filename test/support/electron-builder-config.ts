import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// electron-builder's own code, loaded from the installed app-builder-lib (CommonJS).
const require = createRequire(import.meta.url);

export type BuilderConfig = Record<string, unknown> & {
  linux: Record<string, unknown> & {
    desktop: { entry: Record<string, string> };
    icon: string;
    executableName: string;
  };
  appImage: { artifactName: string };
  deb: { depends: string[]; fpm: string[] };
  rpm: { depends: string[]; fpm: string[] };
};

export function loadBuilderConfig(): BuilderConfig {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
}

/** Validates like electron-builder does before every build: its scheme.json through its own ajv setup. */
export function validateBuilderConfig(config: unknown): void {
  const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator') as {
    validateSchema(
      scheme: unknown,
      config: unknown,
      options: { name: string; postFormatter: (e: string) => string },
    ): void;
  };
  const scheme = JSON.parse(
    readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
  ) as unknown;
  validateSchema(scheme, config, { name: 'electron-builder', postFormatter: (e) => e });
}

/** Generates the .desktop file with electron-builder's own LinuxTargetHelper. */
export async function renderDesktopEntry(
  config: BuilderConfig,
  pkg: { desktopName: string; description: string },
): Promise<string> {
  const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
    LinuxTargetHelper: new (packager: unknown) => {
      computeDesktopEntry(options: unknown, exec?: string, extra?: unknown): Promise<string>;
    };
  };
  // The part of a Packager that desktop-entry generation reads.
  const packager = {
    appInfo: {
      productName: config.productName,
      sanitizedProductName: config.productName,
      description: pkg.description,
    },
    executableName: config.linux.executableName,
    info: { metadata: { desktopName: pkg.desktopName } },
    config,
    platformSpecificBuildOptions: config.linux,
    fileAssociations: [],
  };
  return new LinuxTargetHelper(packager).computeDesktopEntry(config.linux);
}

/**
 * The dependencies electron-builder gives a deb or rpm when `depends` is not set. Read from
 * its FpmTarget, so an electron-builder upgrade that changes them fails our test instead of
 * silently leaving the packages without a library Electron needs.
 */
export function readDefaultDepends(target: 'deb' | 'rpm'): string[] {
  const { default: FpmTarget } = require('app-builder-lib/out/targets/FpmTarget') as {
    default: { prototype: { getDefaultDepends(target: string): string[] } };
  };
  return FpmTarget.prototype.getDefaultDepends(target);
}

/** Expands an artifact-name pattern like electron-builder does (its own macro expander). */
export function expandArtifactName(
  pattern: string,
  arch: string,
  ext: string,
  pkg: { name: string; version: string },
): string {
  const { expandMacro } = require('app-builder-lib/out/util/macroExpander') as {
    expandMacro(pattern: string, arch: string, appInfo: object, extra: object): string;
  };
  return expandMacro(pattern, arch, pkg, { ext });
}

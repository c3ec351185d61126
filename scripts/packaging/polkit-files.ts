import path from 'node:path';
import {
  HELPER_CONTENT,
  HELPER_PATH,
  POLICY_PATH,
  POLKIT_ACTION_ID,
} from '../../electron/system/step-helper';
import { readOutsideCatalog, TRANSLATED_LOCALES, type OutsideCatalog } from './outside-catalog';

/**
 * The two files the deb and rpm packages add for the named polkit action, rendered from
 * the app's own constants and script so the packages can never drift from the app: the
 * app refuses a helper that is not byte-for-byte its built-in step.
 */
export const POLKIT_BUILD_DIR = 'dist/polkit';

/** Where the words of the action come from (renderer/src/outside-messages.ts). */
export const LOCALES_DIR = 'renderer/locales';

/** The action's description and message, in English and in each translated language. */
export interface ActionWords {
  readonly description: string;
  readonly message: string;
  /** Only languages whose catalog translates a text; polkit shows English for the rest. */
  readonly translated: readonly {
    readonly lang: string;
    readonly description?: string;
    readonly message?: string;
  }[];
}

/** The action's words out of the outside-the-window catalog. */
export function actionWordsOf(catalog: OutsideCatalog): ActionWords {
  return {
    description: catalog.en['polkit.apply.description'],
    message: catalog.en['polkit.apply.message'],
    translated: TRANSLATED_LOCALES.map((lang) => ({
      lang,
      description: catalog.translated[lang]['polkit.apply.description'],
      message: catalog.translated[lang]['polkit.apply.message'],
    })),
  };
}

/** The action's words from the project's catalogs; throws when English is missing (the build stops). */
export function readActionWords(localesDir = LOCALES_DIR): ActionWords {
  const read = readOutsideCatalog(localesDir);
  if (!read.ok) throw new Error(`The polkit action's words: ${read.error}`);
  return actionWordsOf(read.catalog);
}

export interface PackagedFile {
  /** Where the build writes it, relative to the project. */
  readonly source: string;
  /** Where the package installs it. */
  readonly installPath: string;
  readonly mode: number;
  readonly content: Buffer;
}

export interface Vendor {
  readonly name: string;
  readonly url: string;
}

/** Escapes text for XML character data and attribute values. */
function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One `<description>` or `<message>` per language, English first (polkit's DTD order). */
function localized(
  element: 'description' | 'message',
  english: string,
  translated: ActionWords['translated'],
): string {
  const lines = [`<${element}>${xml(english)}</${element}>`];
  for (const t of translated) {
    const text = t[element];
    if (text !== undefined)
      lines.push(`<${element} xml:lang="${xml(t.lang)}">${xml(text)}</${element}>`);
  }
  return lines.join('\n    ');
}

/**
 * The policy: one action whose exec.path annotation names the helper, so
 * `pkexec HELPER` is authorized as this action and shows its message. Active sessions
 * keep the authorization for a few minutes (auth_admin_keep) so a second Apply right
 * after the first does not ask again; everyone else asks every time. polkitd picks the
 * `xml:lang` text for the locale of the authentication agent (the user's desktop).
 */
export function renderPolicy(vendor: Vendor, words: ActionWords): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE policyconfig PUBLIC
 "-//freedesktop//DTD PolicyKit Policy Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/PolicyKit/1/policyconfig.dtd">
<!-- Installed by the Nonlocal Bind package; generated from the app's sources at build
     time. Write polkit rules (/etc/polkit-1/rules.d) to change who may apply; see
     docs/polkit-action.md. -->
<policyconfig>
  <vendor>${xml(vendor.name)}</vendor>
  <vendor_url>${xml(vendor.url)}</vendor_url>
  <icon_name>nonlocal-bind</icon_name>
  <action id="${xml(POLKIT_ACTION_ID)}">
    ${localized('description', words.description, words.translated)}
    ${localized('message', words.message, words.translated)}
    <defaults>
      <allow_any>auth_admin</allow_any>
      <allow_inactive>auth_admin</allow_inactive>
      <allow_active>auth_admin_keep</allow_active>
    </defaults>
    <annotate key="org.freedesktop.policykit.exec.path">${xml(HELPER_PATH)}</annotate>
  </action>
</policyconfig>
`;
}

/**
 * Both files, as the build writes them and the packages install them; the policy's words
 * are read from the project's catalogs unless the caller has read them already (the build).
 */
export function polkitPackageFiles(
  vendor: Vendor,
  words: ActionWords = readActionWords(),
): readonly PackagedFile[] {
  return [
    {
      source: `${POLKIT_BUILD_DIR}/nonlocal-bind-step`,
      installPath: HELPER_PATH,
      mode: 0o755,
      content: HELPER_CONTENT,
    },
    {
      source: `${POLKIT_BUILD_DIR}/${path.basename(POLICY_PATH)}`,
      installPath: POLICY_PATH,
      mode: 0o644,
      content: Buffer.from(renderPolicy(vendor, words), 'utf8'),
    },
  ];
}

/** The vendor named in the policy, from package.json. */
export function vendorOf(pkg: {
  readonly author: { readonly name: string };
  readonly homepage: string;
}): Vendor {
  return { name: pkg.author.name, url: pkg.homepage };
}

// The desktop entry's words (Name, Comment, Keywords and their [de], [fr], [es] forms) in
// electron-builder.yml's linux.desktop.entry, from the outside-the-window catalog. The
// yml holds them as text so a review sees them; sync-desktop-entry.ts rewrites the block,
// and a test fails when it differs from the catalogs.
import { TRANSLATED_LOCALES, type OutsideCatalog, type OutsideKey } from './outside-catalog';

/** electron-builder copies entry values verbatim: escape them as the desktop entry spec says. */
function desktopEscape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

const FIELDS: readonly (readonly [string, OutsideKey])[] = [
  ['Name', 'desktop.name'],
  ['Comment', 'desktop.comment'],
  ['Keywords', 'desktop.keywords'],
];

/**
 * The entry's fields. English Comment is left to electron-builder, which writes it from
 * linux.description (the same text: a test compares them); English Name and Keywords and
 * every translated field are written here.
 */
export function desktopEntryFields(catalog: OutsideCatalog): Record<string, string> {
  const fields: Record<string, string> = {
    Name: desktopEscape(catalog.en['desktop.name']),
    Keywords: desktopEscape(catalog.en['desktop.keywords']),
  };
  for (const locale of TRANSLATED_LOCALES) {
    for (const [field, key] of FIELDS) {
      const text = catalog.translated[locale][key];
      if (text !== undefined) fields[`${field}[${locale}]`] = desktopEscape(text);
    }
  }
  return fields;
}

const ENTRY_LINE = '    entry:';
const ENTRY_INDENT = '      ';

/** electron-builder.yml's text with linux.desktop.entry replaced by `fields`. */
export function rewriteDesktopEntry(
  yaml: string,
  fields: Readonly<Record<string, string>>,
): { ok: true; text: string } | { ok: false; error: string } {
  const lines = yaml.split('\n');
  const desktop = lines.indexOf('  desktop:');
  const entry = desktop === -1 ? -1 : lines.indexOf(ENTRY_LINE, desktop);
  if (entry !== desktop + 1) {
    return { ok: false, error: 'electron-builder.yml has no linux.desktop.entry block' };
  }
  let end = entry + 1;
  while (lines[end]?.startsWith(ENTRY_INDENT)) end += 1;
  const block = Object.entries(fields).map(
    // A key with brackets is quoted so no YAML reader takes it for a flow sequence.
    ([key, value]) =>
      `${ENTRY_INDENT}${/^[A-Za-z]+$/.test(key) ? key : JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  lines.splice(entry + 1, end - entry - 1, ...block);
  return { ok: true, text: lines.join('\n') };
}

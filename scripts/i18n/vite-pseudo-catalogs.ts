import type { Plugin } from 'vite';
import { compiledCatalog } from './catalog-source.ts';
import { pseudoTextOf } from './pseudo-text.ts';

const PREFIX = 'virtual:pseudo-catalog/';
const RESOLVED = `\0${PREFIX}`;

/**
 * `import('virtual:pseudo-catalog/pseudo-long')` → the English catalog, pseudo-localized
 * at build time (no PO file to keep in step). Each is a chunk of its own, like a real
 * language, and is fetched only when ?lang= asks for it.
 */
export function pseudoCatalogs(): Plugin {
  return {
    name: 'nonlocal-bind-pseudo-catalogs',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const locale = id.slice(RESOLVED.length);
      if (!pseudoTextOf(locale)) throw new Error(`no pseudo-locale named ${locale}`);
      const compiled = await compiledCatalog(locale);
      return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}

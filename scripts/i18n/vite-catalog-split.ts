import { createHash } from 'node:crypto';
import type { Plugin, Rolldown } from 'vite';
import { isAppLocale } from '../../renderer/src/i18n/locales.ts';
import { REST_GATE } from '../../renderer/src/i18n/rest-gate.ts';
import { catalogChunkLocale } from './chunk-names.ts';
import { catalogMessages, compiledCatalog, sourceLocale } from './catalog-source.ts';

/**
 * Loads less before the first paint (issue 20: 70 KB). After bundling, each language's
 * catalog chunk keeps only the messages the first paint's code uses (the entry and what
 * it imports statically); the messages of the chunks loaded later move to a second file,
 * `catalog-LOCALE-rest-HASH.js`, which the catalog chunk offers as `rest()` and the app
 * fetches after its first render (renderer/src/i18n/catalog-rest.ts). Each later chunk
 * that uses such a message first awaits that load. Messages no chunk uses (the ones only
 * the main process shows) are left out. Ids become short (base 62 by order of use): the
 * macro's six random characters cost gzip more, once in the code and once per catalog.
 */

const ID_LITERAL = /\bid:([`"'])([A-Za-z0-9+/]{6})\1/g;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function shortId(index: number): string {
  let n = index;
  let id = '';
  do {
    id = (DIGITS[n % DIGITS.length] ?? '') + id;
    n = Math.floor(n / DIGITS.length);
  } while (n > 0);
  return id;
}

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

const isChunk = (file: OutputBundle[string]): file is OutputChunk => file.type === 'chunk';

/** The entry chunks and every chunk they import statically: what runs before the first paint. */
function firstPaintChunks(bundle: OutputBundle): Set<string> {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || !chunk || !isChunk(chunk)) return;
    seen.add(fileName);
    chunk.imports.forEach(visit);
  };
  Object.values(bundle)
    .filter((f): f is OutputChunk => isChunk(f) && f.isEntry)
    .forEach((f) => visit(f.fileName));
  return seen;
}

const jsonModule = (value: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

export function catalogSplit(): Plugin {
  return {
    name: 'nonlocal-bind-catalog-split',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const english = await catalogMessages(sourceLocale());
      const chunks = Object.values(bundle).filter(isChunk);
      // The message ids each code chunk uses (the catalog chunks hold words, not ids).
      const idsOf = new Map(
        chunks
          .filter((chunk) => catalogChunkLocale(chunk.fileName) === null)
          .map((chunk) => [
            chunk,
            new Set([...chunk.code.matchAll(ID_LITERAL)].map((m) => m[2] ?? '')),
          ]),
      );
      for (const [chunk, ids] of idsOf) {
        const unknown = [...ids].filter((id) => !(id in english));
        if (unknown.length > 0) {
          this.error(
            `${chunk.fileName} uses ${unknown.length} message id(s) the English catalog lacks (${unknown.slice(0, 5).join(', ')}): run npm run i18n:extract`,
          );
        }
      }
      const early = firstPaintChunks(bundle);
      const firstIds = new Set<string>();
      const laterIds = new Set<string>();
      for (const [chunk, ids] of idsOf) {
        for (const id of ids) (early.has(chunk.fileName) ? firstIds : laterIds).add(id);
      }
      for (const id of firstIds) laterIds.delete(id);
      const short = new Map([...firstIds, ...laterIds].map((id, index) => [id, shortId(index)]));

      for (const [chunk, ids] of idsOf) {
        chunk.code = chunk.code.replace(
          ID_LITERAL,
          (_whole, quote: string, id: string) => `id:${quote}${short.get(id) ?? id}${quote}`,
        );
        if (!early.has(chunk.fileName) && [...ids].some((id) => laterIds.has(id))) {
          chunk.code = `await globalThis.${REST_GATE};\n${chunk.code}`;
        }
      }

      for (const chunk of chunks) {
        const locale = catalogChunkLocale(chunk.fileName);
        if (locale === null || !isAppLocale(locale)) continue;
        const compiled = await compiledCatalog(locale);
        const part = (ids: ReadonlySet<string>) =>
          Object.fromEntries([...ids].map((id) => [short.get(id), compiled[id]]));
        const restSource = `export const messages = ${jsonModule(part(laterIds))};\n`;
        const hash = createHash('sha256').update(restSource).digest('base64url').slice(0, 8);
        const restFile = `assets/catalog-${locale}-rest-${hash}.js`;
        this.emitFile({ type: 'asset', fileName: restFile, source: restSource });
        chunk.code =
          `export const messages = ${jsonModule(part(firstIds))};\n` +
          `export const rest = () => import('./${restFile.slice('assets/'.length)}');\n`;
      }
    },
  };
}

import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { APP_LOCALES, SOURCE_LOCALE, type AppLocale } from '../../renderer/src/i18n/locales.ts';
import { catalogMessages, REPO_ROOT, sourceLocale } from './catalog-source.ts';
import { pseudoTextOf } from './pseudo-text.ts';

/**
 * The static markup in index.html (painted before any module loads) in the user's
 * language. Elements marked `data-i18n` hold English that is a message of the English
 * catalog; the build writes one <span> per locale from the catalogs (never
 * hand-written words), a first-paint script in <head> marks <html> with the chosen
 * locale, and rules in the app's stylesheet (virtual:first-paint.css) hide the other spans. Without the script (blocked,
 * failed) English shows.
 */

const MARKED = /<(\w+)([^>]*?)\sdata-i18n([^>]*)>([^<]*)<\/\1>/g;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeHtml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function hashed(name: string, ext: string, source: string): string {
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
  return `assets/${name}-${hash}.${ext}`;
}

/** Hides every locale's words but the active one's; English shows when no script ran. */
export function firstPaintCss(): string {
  return APP_LOCALES.map((locale) =>
    locale === SOURCE_LOCALE
      ? `html[data-first-paint]:not([data-first-paint="${locale}"]) [data-first-paint-text="${locale}"]{display:none}`
      : `html:not([data-first-paint="${locale}"]) [data-first-paint-text="${locale}"]{display:none}`,
  ).join('\n');
}

/** A static message has no placeholders: its compiled form is text only. */
function plainText(message: string, mapText?: (text: string) => string): string {
  const compiled = compileMessageOrThrow(message, mapText);
  if (!compiled.every((token) => typeof token === 'string')) {
    throw new Error(`index.html's static text must have no placeholders: ${message}`);
  }
  return compiled.join('');
}

type Translations = ReadonlyMap<AppLocale, Readonly<Record<string, string>>>;

async function loadTranslations(): Promise<{ english: Record<string, string>; all: Translations }> {
  const english = await catalogMessages(sourceLocale());
  const all = new Map<AppLocale, Record<string, string>>();
  for (const locale of APP_LOCALES) {
    all.set(locale, pseudoTextOf(locale) ? english : await catalogMessages(locale));
  }
  return { english, all };
}

/** Rewrites each `data-i18n` element of the page into one span per locale. */
export async function localizeStaticMarkup(html: string): Promise<string> {
  const { english, all } = await loadTranslations();
  const idOf = new Map(Object.entries(english).map(([id, text]) => [text, id]));
  return html.replace(
    MARKED,
    (_whole, tag: string, before: string, after: string, body: string) => {
      const source = unescapeHtml(body.trim().replace(/\s+/g, ' '));
      const id = idOf.get(source);
      if (!id) {
        throw new Error(
          `index.html's "${source}" is not a message of the English catalog: keep it in step with the component that renders it, and run npm run i18n:extract`,
        );
      }
      const spans = APP_LOCALES.map((locale) => {
        const text = plainText(all.get(locale)?.[id] ?? source, pseudoTextOf(locale));
        return `<span data-first-paint-text="${locale}">${escapeHtml(text)}</span>`;
      });
      return `<${tag}${before}${after}>${spans.join('')}</${tag}>`;
    },
  );
}

async function bundleFirstPaintScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, 'renderer/src/i18n/first-paint.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild gave no first-paint script');
  return file.text;
}

/** main.tsx imports it: the rules join the app's stylesheet, one request fewer before the paint. */
const CSS_MODULE = 'virtual:first-paint.css';

export function firstPaint(): Plugin {
  let scriptFile = '';
  return {
    name: 'nonlocal-bind-first-paint',
    resolveId(id) {
      return id === CSS_MODULE ? `\0${CSS_MODULE}` : null;
    },
    load(id) {
      return id === `\0${CSS_MODULE}` ? firstPaintCss() : null;
    },
    async buildStart() {
      if (this.environment.config.command !== 'build') return;
      const script = await bundleFirstPaintScript();
      scriptFile = hashed('first-paint', 'js', script);
      this.emitFile({ type: 'asset', fileName: scriptFile, source: script });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        if (!context.bundle) return html; // the dev server serves the English markup as it is
        const localized = await localizeStaticMarkup(html);
        // Classic and blocking, in <head> before the app's module (so it is fetched first):
        // it must run before the body paints.
        const head = `<script src="./${scriptFile}"></script>\n    `;
        const at = localized.indexOf('<script type="module"');
        if (at < 0)
          throw new Error('index.html has no module script to put the first-paint script before');
        return localized.slice(0, at) + head + localized.slice(at);
      },
    },
  };
}

// Modules the build makes from message catalogs (see renderer/vite.config.ts).

declare module '*.po' {
  import type { Messages } from '@lingui/core';
  /** The catalog compiled at build time by @lingui/vite-plugin (split: see catalogs.ts). */
  export const messages: Messages;
  export const rest: (() => Promise<{ readonly messages: Messages }>) | undefined;
}

declare module 'virtual:pseudo-catalog/*' {
  import type { Messages } from '@lingui/core';
  /** A pseudo-locale compiled from the English catalog by scripts/i18n/vite-pseudo-catalogs.ts. */
  export const messages: Messages;
  export const rest: (() => Promise<{ readonly messages: Messages }>) | undefined;
}

/** Rules that show the first paint's words in the active language only. */
declare module 'virtual:first-paint.css';

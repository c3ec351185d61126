import { msg } from '@lingui/core/macro';
import type { MessageDescriptor } from '@lingui/core';

/**
 * Words the app shows outside its window: the polkit prompt, the desktop entry in the
 * menu, the About panel and the window's menu bar. The page never renders them; they are
 * here so `npm run i18n:extract` puts them into the same catalogs translators already
 * work on. The build reads them back from the PO files by their context (a stable key:
 * scripts/packaging/outside-catalog.ts), so the English text is written only here.
 *
 * Placeholders in braces are filled in by the build, never translated.
 */
export const OUTSIDE_MESSAGES: readonly MessageDescriptor[] = [
  msg({
    context: 'polkit.apply.description',
    comment:
      'polkit action description: what the action allows, shown by tools that list polkit actions (pkaction)',
    message: 'Change whether services may bind to addresses this computer does not hold',
  }),
  msg({
    context: 'polkit.apply.message',
    comment:
      'polkit authentication dialog: the sentence above the administrator password field; use the wording your language’s polkit and systemd prompts use for “Authentication is required to …”',
    message:
      'Authentication is required to change whether services may bind to addresses this computer does not hold',
  }),
  msg({
    context: 'desktop.name',
    comment:
      'desktop entry Name: the app’s name in the applications menu; a product name, keep it unless your language writes product names in another script',
    message: 'Nonlocal Bind',
  }),
  msg({
    context: 'desktop.comment',
    comment:
      'desktop entry Comment: the tooltip of the app in the applications menu; {ipv4Key} and {ipv6Key} are kernel setting names',
    message:
      'Shows, changes, persists and proves {ipv4Key} and {ipv6Key}, so HAProxy, Nginx or Keepalived can start on the node that does not hold the virtual IP yet. Explains which sysctl file decides at boot.',
  }),
  msg({
    context: 'desktop.keywords',
    comment:
      'desktop entry Keywords: search words for the applications menu, each ending with a semicolon; keep sysctl, HAProxy, Keepalived and VIP as they are, and no spaces around the semicolons',
    message: 'sysctl;network;bind;HAProxy;Keepalived;VIP;',
  }),
  msg({
    context: 'about.copyright',
    comment: 'About panel: the copyright line under the app’s name and version',
    message: 'Copyright © 2026 Nonlocal Bind developers · MIT licence',
  }),
  // The window's menu bar (Alt shows it): the labels Electron gives these roles on Linux.
  msg({ context: 'menu.file', comment: 'menu bar', message: 'File' }),
  msg({ context: 'menu.quit', comment: 'File menu: end the app', message: 'Quit' }),
  msg({ context: 'menu.edit', comment: 'menu bar', message: 'Edit' }),
  msg({ context: 'menu.undo', comment: 'Edit menu', message: 'Undo' }),
  msg({ context: 'menu.redo', comment: 'Edit menu', message: 'Redo' }),
  msg({ context: 'menu.cut', comment: 'Edit menu', message: 'Cut' }),
  msg({ context: 'menu.copy', comment: 'Edit menu', message: 'Copy' }),
  msg({ context: 'menu.paste', comment: 'Edit menu', message: 'Paste' }),
  msg({
    context: 'menu.delete',
    comment: 'Edit menu: delete the selected text',
    message: 'Delete',
  }),
  msg({ context: 'menu.select-all', comment: 'Edit menu', message: 'Select All' }),
  msg({ context: 'menu.view', comment: 'menu bar', message: 'View' }),
  msg({ context: 'menu.reload', comment: 'View menu: load the window again', message: 'Reload' }),
  msg({
    context: 'menu.force-reload',
    comment: 'View menu: load the window again, ignoring the cache',
    message: 'Force Reload',
  }),
  msg({
    context: 'menu.toggle-dev-tools',
    comment: 'View menu',
    message: 'Toggle Developer Tools',
  }),
  msg({
    context: 'menu.actual-size',
    comment: 'View menu: zoom back to 100%',
    message: 'Actual Size',
  }),
  msg({ context: 'menu.zoom-in', comment: 'View menu', message: 'Zoom In' }),
  msg({ context: 'menu.zoom-out', comment: 'View menu', message: 'Zoom Out' }),
  msg({ context: 'menu.toggle-full-screen', comment: 'View menu', message: 'Toggle Full Screen' }),
  msg({ context: 'menu.window', comment: 'menu bar', message: 'Window' }),
  msg({ context: 'menu.minimize', comment: 'Window menu', message: 'Minimize' }),
  msg({ context: 'menu.zoom', comment: 'Window menu: maximize the window', message: 'Zoom' }),
  msg({ context: 'menu.close', comment: 'Window menu: close the window', message: 'Close' }),
  msg({ context: 'menu.help', comment: 'menu bar', message: 'Help' }),
  msg({ context: 'menu.about', comment: 'Help menu: opens the About panel', message: 'About' }),
];

/**
 * What eslint-plugin-lingui's no-unlocalized-strings lets through in the renderer: the
 * technical strings that are never translated (issue 20: commands, file names, keys,
 * values and product names are placeholders). Anything else a person could read must be
 * a message. Patterns match a whole string literal.
 */

/** Product and project names that stay as they are in every language. */
const PRODUCTS = [
  'Nonlocal Bind',
  'Docker',
  'Docker Compose',
  'Podman',
  'Compose',
  'Kubernetes',
  'LXC',
  'Keepalived',
  'HAProxy',
  'Nginx',
  'Ansible',
  'Arch Linux',
  'BusyBox',
  'GNU coreutils',
  'HostName',
];

/** Commands a placeholder may hold (the first word of the command line). */
const COMMANDS = [
  'ip',
  'apt',
  'dnf',
  'ssh-keygen',
  'sysctl',
  'systemctl',
  'docker',
  'podman',
  'npm',
  'sudo',
  'pkexec',
  'faillock',
  'systemd-sysctl',
];

export const UNLOCALIZED_STRINGS_OPTIONS = {
  ignore: [
    // One token that does not start with a capital: keys, ids, discriminants, CSS, paths.
    '^(?![A-Z])\\S+$',
    // CONSTANT_CASE tokens.
    '^[A-Z0-9_-]+$',
    // A token with a slash or a dot inside (not a word ending a sentence): a path, a key,
    // a file name (User/IdentityFile, /etc/sysctl.conf).
    '^(?!\\S*\\.$)\\S*[/.]\\S+$',
    // A code span or a quoted command/config line, drawn as code.
    '^`[^`]+`$',
    '^"[^"]+"$',
    `^(${PRODUCTS.join('|')})(, (${PRODUCTS.join('|')}))*$`,
    `^(${COMMANDS.join('|')}) `,
  ],
  ignoreNames: [
    {
      regex: {
        pattern:
          '^(className|id|key|type|role|name|htmlFor|href|rel|target|method|kind|code|testId|style|autoComplete|inputMode|lang|dir)$|^data-|Id$|ClassName$',
      },
    },
  ],
  ignoreFunctions: [
    'console.*',
    'Error',
    'document.getElementById',
    'document.querySelector*',
    '*.querySelector*',
    '*.closest',
    'URLSearchParams',
    'Intl.*',
    '*.addEventListener',
    '*.removeEventListener',
    '*.setAttribute',
    '*.startsWith',
    '*.endsWith',
    '*.includes',
    '*.split',
    '*.join',
    '*.replace',
    'dispatch',
  ],
};

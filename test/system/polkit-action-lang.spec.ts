import { test, expect } from '@playwright/test';
import { readOutsideCatalog } from '../../scripts/packaging/outside-catalog';
import { LOCALES_DIR } from '../../scripts/packaging/polkit-files';
import { HELPER_PATH, POLKIT_ACTION_ID } from '../../electron/system/step-helper';
import {
  addUserWithPassword,
  startPausedSubject,
  startPrivatePolkit,
  startTtyAgent,
} from '../harness/private-polkit';
import { createSandbox, type Sandbox } from '../harness/sandbox';
import { packagedFiles } from '../support/packaged-polkit';

/**
 * The packaged policy's translations, read by the real polkitd: an authentication agent
 * registers with its user's LANG, and polkitd words the action's message in that language
 * (the xml:lang text for `de` when LANG=de_DE.UTF-8), English when it has none. The
 * subject is a real `pkexec HELPER` as a user the rules ask to authenticate; nobody types
 * the password, so the helper never runs.
 */
const USER = 'nbtest-lang';
const PASSWORD = 'Nb-lang-pw-7';
const RULES = `polkit.addRule(function (action, subject) {
  if (subject.user === "${USER}" && action.id === "${POLKIT_ACTION_ID}") return polkit.Result.AUTH_ADMIN;
  return polkit.Result.NOT_HANDLED;
});
polkit.addAdminRule(function (action, subject) {
  if (subject.user === "${USER}") return ["unix-user:${USER}"];
});
`;

const read = readOutsideCatalog(LOCALES_DIR);
if (!read.ok) throw new Error(read.error);
const { en, translated } = read.catalog;

let sandbox: Sandbox;
test.beforeEach(async () => {
  sandbox = await createSandbox({ pidNamespace: true });
});
test.afterEach(async () => {
  await sandbox.dispose();
});

/** A shell as USER that runs pkexec on the helper once told to. */
function startPkexecSubject() {
  // Not exec: pkexec's subject is its parent, this shell, for which the agent registers.
  return startPausedSubject(
    sandbox,
    USER,
    'pkexec --disable-internal-agent "$1"; echo "pkexec ended $?"',
    [HELPER_PATH],
  );
}

for (const [lang, expected] of [
  ['de_DE.UTF-8', translated.de['polkit.apply.message']],
  ['fr_FR.UTF-8', translated.fr['polkit.apply.message']],
  ['es_MX.UTF-8', translated.es['polkit.apply.message']],
  // No translation for Japanese, none for a C locale: polkit's English.
  ['ja_JP.UTF-8', en['polkit.apply.message']],
  ['C', en['polkit.apply.message']],
] as const) {
  test(`an agent with LANG=${lang} is asked in its language: ${expected?.slice(0, 40) ?? ''}…`, async () => {
    expect(expected, 'the catalog translates the polkit message').toBeTruthy();
    await startPrivatePolkit(sandbox, packagedFiles(), RULES);
    addUserWithPassword(sandbox, USER, PASSWORD);
    const subject = await startPkexecSubject();
    const agent = startTtyAgent(sandbox, USER, subject.pid, { env: { LANG: lang } });
    try {
      await agent.waitFor(/AGENT-REGISTERED/);
      subject.go();
      // The header names the action; the next whole line is polkit's message (pkttyagent's
      // own words around it may be translated too, so only the shape is waited for).
      const id = POLKIT_ACTION_ID.replace(/\./g, '\\.');
      await agent.waitFor(new RegExp(`${id}[^\\n]*\\n[^\\n]*\\n`));
      expect(agent.output()).toContain(expected ?? '(untranslated)');
      // The other languages' texts stay out.
      for (const other of Object.values(translated)) {
        const text = other['polkit.apply.message'];
        if (text !== expected && text !== undefined) expect(agent.output()).not.toContain(text);
      }
    } finally {
      agent.stop();
    }
  });
}

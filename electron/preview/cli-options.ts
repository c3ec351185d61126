import { DEMO_SCENARIOS, findDemoScenario, type DemoScenario } from '../demo/scenarios';
import { decideLocaleOverride } from '../shell/locale-request';

export interface PreviewCliOptions {
  readonly port: number;
  readonly demo: DemoScenario | null;
  /**
   * `--lang LIST`: the languages the served page asks for, most preferred first (the page
   * gets them as `?lang=`); null lets the browser's own languages decide.
   */
  readonly lang: readonly string[] | null;
}

/** `--lang`'s list, checked like the app's own `--lang` (locale-request.ts). */
function parseLang(value: string): readonly string[] {
  const decided = decideLocaleOverride(['--lang', value], {});
  if (decided?.ok) return decided.request.requested;
  if (decided?.error.code === 'lang-missing') throw new Error('--lang needs a value');
  throw new Error(
    `--lang must be a language tag or a list of them, such as de or de-DE:de (got "${decided?.error.value ?? value}")`,
  );
}

/**
 * Parses `--port N`, `--demo NAME` and `--lang LIST`; throws an Error with a user-facing
 * message on bad input.
 */
export function parsePreviewArgs(argv: readonly string[]): PreviewCliOptions {
  let port = 0;
  let demo: DemoScenario | null = null;
  let lang: readonly string[] | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] =
      arg?.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--port') {
      const text = value();
      if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
        throw new Error(`--port must be a whole number from 0 to 65535 (got "${text}")`);
      }
      port = Number(text);
    } else if (flag === '--demo') {
      const name = value();
      const found = findDemoScenario(name);
      if (!found) {
        throw new Error(
          `Unknown demo scenario "${name}". Known: ${DEMO_SCENARIOS.map((s) => s.name).join(', ')}`,
        );
      }
      demo = found;
    } else if (flag === '--lang') {
      lang = parseLang(value());
    } else {
      throw new Error(
        `Unknown option "${arg}". Usage: preview [--port N] [--demo SCENARIO] [--lang LANGUAGES]`,
      );
    }
  }
  return { port, demo, lang };
}

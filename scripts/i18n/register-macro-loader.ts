import module from 'node:module';

/**
 * Lets code outside Vite (the Playwright runner, tsx scripts) import renderer modules that
 * use Lingui macros: see macro-loader-hooks.mjs. In-thread hooks where Node has them (the
 * runner uses them there too), else the hooks thread.
 */
type LoadHook = (url: string, context: object, nextLoad: (...args: never[]) => unknown) => unknown;
type SyncHooksModule = typeof module & {
  registerHooks?: (hooks: { load: LoadHook }) => unknown;
};

const hooksUrl = new URL('./macro-loader-hooks.mjs', import.meta.url);
const syncHooks = (module as SyncHooksModule).registerHooks;
if (syncHooks) {
  const { load } = (await import(hooksUrl.href)) as { load: LoadHook };
  syncHooks({ load });
} else {
  module.register(hooksUrl);
}

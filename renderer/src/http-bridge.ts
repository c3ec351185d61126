import {
  API_CHANNELS,
  API_PATH_PREFIX,
  API_TOKEN_HEADER as TOKEN_HEADER,
  type ApiMethod,
  type Channel,
  type Envelope,
  type NonlocalBindApi,
  type ResultOf,
} from '../../electron/contract';

/** Reads the per-run token the preview server put in the URL fragment. */
export function readTokenFromLocation(hash: string): string | null {
  const match = /(?:^#|&)token=([0-9a-f]{16,128})(?:&|$)/.exec(hash);
  return match?.[1] ?? null;
}

async function call<C extends Channel>(
  token: string,
  channel: C,
  payload: unknown,
): Promise<Envelope<ResultOf<C>>> {
  try {
    const response = await fetch(`${API_PATH_PREFIX}${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify({ payload: payload ?? null }),
    });
    return (await response.json()) as Envelope<ResultOf<C>>;
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'backend-unreachable',
        details: String(error),
      },
    };
  }
}

/** The contract implemented over the preview's HTTP API, for when no preload is present. */
export function createHttpBridge(token: string): NonlocalBindApi {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(API_CHANNELS) as ApiMethod[]) {
    api[method] = (payload?: unknown) => call(token, API_CHANNELS[method], payload);
  }
  // The server cannot reach the user's clipboard; in a browser the page copies by itself.
  api.copyText = async (payload?: unknown) => {
    const text = (payload as { text: string }).text;
    await navigator.clipboard.writeText(text);
    return { ok: true, value: null };
  };
  // Saving from a browser is a download of the same report.
  api.saveDiagnostics = async () => {
    const answer = (await call(token, 'diagnostics:get', null)) as Envelope<{ text: string }>;
    if (!answer.ok) return answer;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([answer.value.text], { type: 'text/plain' }));
    link.download = 'nonlocal-bind-diagnostics.txt';
    link.click();
    URL.revokeObjectURL(link.href);
    return { ok: true, value: { savedTo: link.download } };
  };
  // The loop covers exactly the keys of ApiChannels; the cast only drops per-method arity.
  return api as unknown as NonlocalBindApi;
}

/**
 * The one IPC contract.
 *
 * Main, preload, the preview's HTTP bridge and the renderer all derive their types from
 * this file, which gathers its parts (electron/contract/: state, changes, pair) and holds
 * the channel table. It and its parts import only each other's types and the list of error
 * codes, so the renderer may import it at run time: the few constants it exports (those
 * codes included) are plain data.
 */
export { ERROR_CODES, type ErrorCode } from './error-codes';
import type { AppState } from './contract/state';
import type {
  ApplyOutcome,
  ApplyRequest,
  BindTestRequest,
  BindTestResult,
  ChangePlan,
  Envelope,
  VipDiscovery,
} from './contract/changes';
import type {
  AddNodeRequest,
  AddNodeResult,
  AlikePlan,
  FleetExportRequest,
  MakeAlikeRequest,
  MakeAlikeResult,
  NodeBindTestRequest,
  PairView,
} from './contract/pair';
import type {
  NamespaceBindTestRequest,
  NamespaceBindTestResult,
  NamespacesView,
  ReadInsideRequest,
  ReadInsideResult,
  SetInsideRequest,
  SetInsideResult,
} from './contract/namespaces';

export type * from './contract/state';
export type * from './contract/kernel-refusal';
export type * from './contract/boot-note';
export type * from './contract/changes';
export type * from './contract/pair';
export type * from './contract/errors';
export type * from './contract/outcomes';
export type * from './contract/commands';
export type * from './contract/namespaces';

/**
 * Channel table: name -> request payload and result.
 * A new feature adds one entry here, one handler and one API method.
 */
export interface Channels {
  'state:get': { readonly request: null; readonly result: AppState };
  'changes:plan': { readonly request: ApplyRequest; readonly result: ChangePlan };
  'changes:apply': { readonly request: ApplyRequest; readonly result: ApplyOutcome };
  'diagnostics:get': { readonly request: null; readonly result: { readonly text: string } };
  /** Saves the report where the user chooses (a save dialog in the app). */
  'diagnostics:save': {
    readonly request: null;
    readonly result: { readonly savedTo: string | null };
  };
  'vips:discover': { readonly request: null; readonly result: VipDiscovery };
  'bind:test': { readonly request: BindTestRequest; readonly result: BindTestResult };
  /** Copy text to the system clipboard (the page itself is denied clipboard permission). */
  'clipboard:write': { readonly request: { readonly text: string }; readonly result: null };
  'nodes:view': { readonly request: null; readonly result: PairView };
  'nodes:add': { readonly request: AddNodeRequest; readonly result: AddNodeResult };
  'nodes:remove': { readonly request: { readonly node: string }; readonly result: PairView };
  'nodes:plan-alike': {
    readonly request: { readonly reference: string };
    readonly result: AlikePlan;
  };
  'nodes:make-alike': { readonly request: MakeAlikeRequest; readonly result: MakeAlikeResult };
  'nodes:bind-test': {
    readonly request: NodeBindTestRequest;
    readonly result: readonly BindTestResult[];
  };
  /** Saves an Ansible or cloud-init export where the user chooses (a save dialog in the app). */
  'fleet:save': {
    readonly request: FleetExportRequest;
    readonly result: { readonly savedTo: string | null };
  };
  /** Every network namespace on the computer, with what runs in it and its lasting fix. */
  'namespaces:list': { readonly request: null; readonly result: NamespacesView };
  /** Reads the settings inside other namespaces: one run of the step, one authentication. */
  'namespaces:read-inside': {
    readonly request: ReadInsideRequest;
    readonly result: ReadInsideResult;
  };
  /** Sets running values inside one other namespace and reads them back (never the app's own). */
  'namespaces:set': { readonly request: SetInsideRequest; readonly result: SetInsideResult };
  /** The bind test, run inside one namespace. */
  'namespaces:bind-test': {
    readonly request: NamespaceBindTestRequest;
    readonly result: NamespaceBindTestResult;
  };
}

export type Channel = keyof Channels;
export type RequestOf<C extends Channel> = Channels[C]['request'];
export type ResultOf<C extends Channel> = Channels[C]['result'];

/** API method name -> channel. Preload and HTTP bridge both implement exactly this. */
export const API_CHANNELS = {
  getState: 'state:get',
  planChanges: 'changes:plan',
  applyChanges: 'changes:apply',
  copyText: 'clipboard:write',
  testBind: 'bind:test',
  getDiagnostics: 'diagnostics:get',
  saveDiagnostics: 'diagnostics:save',
  discoverVips: 'vips:discover',
  viewNodes: 'nodes:view',
  addNode: 'nodes:add',
  removeNode: 'nodes:remove',
  planAlike: 'nodes:plan-alike',
  makeAlike: 'nodes:make-alike',
  testBindOnNode: 'nodes:bind-test',
  saveFleetExport: 'fleet:save',
  listNamespaces: 'namespaces:list',
  readInsideNamespaces: 'namespaces:read-inside',
  setInsideNamespace: 'namespaces:set',
  testBindInNamespace: 'namespaces:bind-test',
} as const satisfies Record<string, Channel>;

export type ApiChannels = typeof API_CHANNELS;
export type ApiMethod = keyof ApiChannels;

/** The object the preload exposes as `window.nonlocalBind`. */
export type NonlocalBindApi = {
  readonly [M in ApiMethod]: RequestOf<ApiChannels[M]> extends null
    ? () => Promise<Envelope<ResultOf<ApiChannels[M]>>>
    : (request: RequestOf<ApiChannels[M]>) => Promise<Envelope<ResultOf<ApiChannels[M]>>>;
};

/** Name of the global the preload installs. */
export const API_GLOBAL = 'nonlocalBind';

/** The preview's HTTP API: POST `${API_PATH_PREFIX}<channel>`, its per-run token in this header. */
export const API_PATH_PREFIX = '/api/';
export const API_TOKEN_HEADER = 'x-nonlocal-bind-token';

/** The one file both engines read besides the sysctl.d directories; the renderer names it too. */
export const SYSCTL_CONF_PATH = '/etc/sysctl.conf';

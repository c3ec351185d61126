import type {
  AddNodeResult,
  AlikePlan,
  ApiError,
  Envelope,
  MakeAlikeResult,
  NodeBindTestResult,
  NodeOutcome,
  PairView,
} from '../contract';
import { validateFileName } from '../system/file-name';
import { parseDestination, type Destination } from '../system/nodes/destination';
import { renderAnsibleTasks, renderCloudInit } from '../system/nodes/fleet-export';
import { acceptHostKey, scanHostKey } from '../system/nodes/host-key';
import { bindTestHere, bindTestOnNode, checkBindAddresses } from '../system/nodes/node-bind-test';
import { loadNodes, NodeStoreError, saveNodes } from '../system/nodes/node-store';
import { LOCAL_ID, readAllMachines, toPairView, type ReadColumn } from '../system/nodes/pair-view';
import { readNode, type NodeRead } from '../system/nodes/read-node';
import type { HandlerDeps, NodeServices } from './deps';
import { fail, guard, invalidPayload, succeed } from './envelope';
import type { FeatureHandlers } from './types';
import { applyOrFail, exportsFor, planAll, planOrFail } from './make-alike';
import { checkValues, isRecord, onlyKeys } from './payload-checks';

type NodeChannels =
  | 'nodes:view'
  | 'nodes:add'
  | 'nodes:remove'
  | 'nodes:plan-alike'
  | 'nodes:make-alike'
  | 'nodes:bind-test'
  | 'fleet:save';

const NOT_IN_DEMO: ApiError = {
  code: 'nodes-unavailable',
  message:
    'The demo simulates this computer only, so no node can be added here. In the app itself (npm start), the other nodes are reached with your own ssh.',
};

/** A damaged node list is the user's to fix: its words reach them, not "something went wrong". */
function nodeStoreFailure<T>(error: unknown): Envelope<T> {
  if (error instanceof NodeStoreError)
    return fail({ code: 'node-list-unreadable', message: error.message });
  throw error;
}

async function destinations(services: NodeServices): Promise<Destination[]> {
  return (await loadNodes(services.storeFile)).flatMap((text) => {
    const d = parseDestination(text);
    return d.ok ? [d.destination] : [];
  });
}

async function readView(
  services: NodeServices,
  fresh?: ReadonlyMap<string, NodeRead>,
): Promise<{ view: PairView; columns: ReadColumn[] }> {
  const columns = await readAllMachines(services.ssh, await destinations(services), fresh);
  return { view: toPairView(columns), columns };
}

/**
 * This computer and the nodes of its pair, over the user's own OpenSSH. Every
 * channel reads afresh: a plan is never carried from one request to the next.
 */
export function createNodeHandlers(deps: HandlerDeps): FeatureHandlers<NodeChannels> {
  const services = deps.nodes;
  const withNodes = <T>(run: (s: NodeServices) => Promise<Envelope<T>>): Promise<Envelope<T>> =>
    guard(() =>
      services ? run(services).catch(nodeStoreFailure<T>) : Promise.resolve(fail<T>(NOT_IN_DEMO)),
    );
  let applying = false;
  return {
    'nodes:view': (payload) =>
      payload !== null && payload !== undefined
        ? Promise.resolve(invalidPayload('nodes:view', 'it takes no payload'))
        : withNodes<PairView>(async (s) => succeed((await readView(s)).view)),

    'nodes:add': (payload) =>
      withNodes<AddNodeResult>(async (s) => {
        if (!isRecord(payload)) return invalidPayload('nodes:add', 'the payload must be an object');
        const extra = onlyKeys(payload, ['destination', 'trustFingerprints'], 'the payload');
        if (extra) return invalidPayload('nodes:add', extra);
        if (typeof payload.destination !== 'string')
          return invalidPayload('nodes:add', 'destination must be a string');
        const checked = parseDestination(payload.destination);
        if (!checked.ok) return fail({ code: 'invalid-destination', message: checked.error });
        const trust = payload.trustFingerprints;
        if (
          trust !== undefined &&
          (!Array.isArray(trust) || !trust.every((f) => typeof f === 'string'))
        )
          return invalidPayload('nodes:add', 'trustFingerprints must be a list of strings');
        const destination = checked.destination;
        const known = await loadNodes(s.storeFile);
        const fresh = new Map<string, NodeRead>();
        if (!known.includes(destination.text)) {
          let read = await readNode(s.ssh, destination);
          if (!read.ok && read.kind === 'host-key-unknown') {
            const scan = await scanHostKey(s.ssh, destination);
            if (!scan.ok) return fail({ code: scan.failure.kind, message: scan.failure.message });
            const shown = scan.offer.fingerprints;
            if (trust === undefined)
              return succeed({
                kind: 'confirm-host-key',
                destination: destination.text,
                fingerprints: shown,
              });
            // Accept only exactly the key the user saw: a key that changed meanwhile is asked again.
            if (JSON.stringify([...trust].sort()) !== JSON.stringify([...shown].sort()))
              return succeed({
                kind: 'confirm-host-key',
                destination: destination.text,
                fingerprints: shown,
              });
            await acceptHostKey(s.ssh, destination, scan.offer);
            read = await readNode(s.ssh, destination);
          }
          if (!read.ok)
            return fail({ code: read.kind, message: `${read.message} The node was not added.` });
          await saveNodes(s.storeFile, [...known, destination.text]);
          fresh.set(destination.text, read);
        }
        return succeed({ kind: 'added', view: (await readView(s, fresh)).view });
      }),

    'nodes:remove': (payload) =>
      withNodes<PairView>(async (s) => {
        if (
          !isRecord(payload) ||
          typeof payload.node !== 'string' ||
          onlyKeys(payload, ['node'], 'the payload')
        )
          return invalidPayload('nodes:remove', 'expected { node: string }');
        const node = payload.node;
        const known = await loadNodes(s.storeFile);
        if (!known.includes(node))
          return fail({
            code: 'unknown-node',
            message: `"${node.slice(0, 80)}" is not in the node list.`,
          });
        await saveNodes(
          s.storeFile,
          known.filter((n) => n !== node),
        );
        return succeed((await readView(s)).view);
      }),

    'nodes:plan-alike': (payload) =>
      withNodes<AlikePlan>(async (s) => {
        if (
          !isRecord(payload) ||
          typeof payload.reference !== 'string' ||
          onlyKeys(payload, ['reference'], 'the payload')
        )
          return invalidPayload('nodes:plan-alike', 'expected { reference: string }');
        const all = planAll((await readView(s)).columns, payload.reference);
        if (!('planned' in all)) return fail(all);
        const plan: AlikePlan = {
          reference: payload.reference,
          target: all.target,
          nodes: await Promise.all(all.planned.map((p) => planOrFail(deps, s, p))),
          exports: exportsFor(all.target),
        };
        return succeed(plan);
      }),

    'nodes:make-alike': (payload) =>
      withNodes<MakeAlikeResult>(async (s) => {
        if (
          !isRecord(payload) ||
          typeof payload.reference !== 'string' ||
          onlyKeys(payload, ['reference', 'passwords'], 'the payload')
        )
          return invalidPayload('nodes:make-alike', 'expected { reference, passwords }');
        const passwords = payload.passwords;
        if (
          !isRecord(passwords) ||
          !Object.values(passwords).every((p) => typeof p === 'string' && p.length <= 1024)
        )
          return invalidPayload('nodes:make-alike', 'passwords must map node ids to strings');
        if (applying)
          return fail({
            code: 'apply-in-progress',
            message: 'Another "Make all alike" is still running.',
          });
        applying = true;
        // Each password becomes bytes at once, zeroed when the Apply ends (the IPC string
        // itself cannot be wiped; it is dropped with the payload).
        const secrets = new Map<string, Buffer>();
        for (const [id, p] of Object.entries(passwords))
          if (typeof p === 'string' && p !== '') secrets.set(id, Buffer.from(p, 'utf8'));
        try {
          // Planned afresh from what the machines hold now; each file change is hash-checked by the step.
          const all = planAll((await readView(s)).columns, payload.reference);
          if (!('planned' in all)) return fail(all);
          const planned = all.planned;
          // This computer first (its polkit dialog), then every node at once: one authentication each.
          const local = planned.filter((p) => p.column.destination === null);
          const remote = planned.filter((p) => p.column.destination !== null);
          const outcomes: NodeOutcome[] = [];
          for (const p of local) outcomes.push(await applyOrFail(deps, s, p, null));
          outcomes.push(
            ...(await Promise.all(
              remote.map((p) => applyOrFail(deps, s, p, secrets.get(p.column.column.id) ?? null)),
            )),
          );
          return succeed({ outcomes, view: (await readView(s)).view });
        } finally {
          applying = false;
          for (const secret of secrets.values()) secret.fill(0);
        }
      }),

    'nodes:bind-test': (payload) =>
      withNodes<NodeBindTestResult>(async (s) => {
        if (
          !isRecord(payload) ||
          typeof payload.node !== 'string' ||
          !Array.isArray(payload.addresses) ||
          onlyKeys(payload, ['node', 'addresses'], 'the payload')
        )
          return invalidPayload(
            'nodes:bind-test',
            'expected { node: string, addresses: string[] }',
          );
        const addresses = checkBindAddresses(payload.addresses);
        if (typeof addresses === 'string')
          return fail({ code: 'invalid-address', message: addresses });
        let result;
        if (payload.node === LOCAL_ID) {
          result = await bindTestHere(addresses);
        } else {
          const known = await loadNodes(s.storeFile);
          const d = parseDestination(payload.node);
          if (!d.ok || !known.includes(payload.node))
            return fail({
              code: 'unknown-node',
              message: `"${payload.node.slice(0, 80)}" is not in the node list.`,
            });
          result = await bindTestOnNode(s.ssh, d.destination, addresses);
        }
        return typeof result === 'string'
          ? fail({ code: 'bind-test-failed', message: result })
          : succeed(result);
      }),

    'fleet:save': (payload) =>
      guard(async () => {
        if (
          !isRecord(payload) ||
          onlyKeys(payload, ['format', 'fileName', 'values'], 'the payload')
        )
          return invalidPayload('fleet:save', 'expected { format, fileName, values }');
        const format = payload.format;
        if (format !== 'ansible' && format !== 'cloud-init')
          return invalidPayload('fleet:save', 'format must be "ansible" or "cloud-init"');
        const name = validateFileName(payload.fileName);
        if (!name.ok) return fail({ code: 'invalid-file-name', message: name.message });
        const checked = checkValues(payload.values);
        if (!checked.ok) return invalidPayload('fleet:save', checked.problem);
        const values = checked.value;
        if (values.ipv4 === undefined && values.ipv6 === undefined)
          return fail({
            code: 'nothing-to-export',
            message: 'There is no pending change to export.',
          });
        if (!deps.saveTextFile) {
          return fail({
            code: 'save-unavailable',
            message:
              'This backend cannot show a save dialog; use Copy and paste the text into a file.',
          });
        }
        const change = { fileName: name.name, values };
        const text = format === 'ansible' ? renderAnsibleTasks(change) : renderCloudInit(change);
        return succeed({
          savedTo: await deps.saveTextFile(
            format === 'ansible' ? 'nonlocal-bind-tasks.yml' : 'nonlocal-bind-cloud-init.yml',
            text,
          ),
        });
      }),
  };
}

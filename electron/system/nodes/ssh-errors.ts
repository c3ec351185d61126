import type { ApiError, NodeFailureCode, NodeFailureData, SshFailureKind } from '../../contract';

export type { SshFailureKind };

/** What a node's failure says besides its code and the node. */
export type NodeErrorData = Omit<NodeFailureData, 'from' | 'code' | 'node'>;

/** A node's failure as the error an answer carries: its code and the data the renderer words. */
export function nodeError(code: NodeFailureCode, node: string, more: NodeErrorData = {}): ApiError {
  return { code, data: { from: 'node', code, node, ...more } };
}

export interface SshFailure {
  readonly kind: SshFailureKind;
  readonly error: ApiError;
}

const failed = (kind: SshFailureKind, node: string, detail?: string): SshFailure => ({
  kind,
  error: nodeError(kind, node, detail === undefined ? {} : { detail }),
});

/**
 * Maps OpenSSH's exit status 255 and its stderr to a specific failure. The texts
 * matched are OpenSSH's own (ssh.c, sshconnect.c, sshconnect2.c), in the C locale.
 */
export function classifySshFailure(node: string, stderr: string): SshFailure {
  const last = stderr.trim().split('\n').slice(-1)[0]?.slice(0, 300) ?? '';
  if (
    /Could not resolve hostname|Name or service not known|Temporary failure in name resolution/.test(
      stderr,
    )
  )
    return failed('dns', node);
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/.test(stderr))
    return failed('host-key-changed', node);
  if (/No .* host key is known for|Host key verification failed/.test(stderr))
    return failed('host-key-unknown', node);
  if (/Permission denied \(/.test(stderr) || /Too many authentication failures/.test(stderr))
    return failed('auth', node);
  if (
    /Connection refused|No route to host|Network is unreachable|Connection timed out|kex_exchange_identification|Connection closed by UNKNOWN|port 65535|Connection reset/.test(
      stderr,
    )
  )
    return failed('unreachable', node, last);
  if (
    /Connection to .* closed by remote host|Broken pipe|client_loop: send disconnect/.test(stderr)
  )
    return failed('dropped', node, last);
  return failed('other', node, last);
}

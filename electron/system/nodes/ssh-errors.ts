/** Why an ssh session to a node failed, with a message that says what to do next. */
export type SshFailureKind =
  | 'dns'
  | 'unreachable'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'auth'
  | 'timeout'
  | 'too-large'
  | 'dropped'
  | 'other';

export interface SshFailure {
  readonly kind: SshFailureKind;
  readonly message: string;
}

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
  ) {
    return {
      kind: 'dns',
      message: `${node}: the host name does not resolve (DNS). Check the name, or add a HostName for it in ~/.ssh/config.`,
    };
  }
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/.test(stderr)) {
    return {
      kind: 'host-key-changed',
      message: `${node}: the node's host key has CHANGED since you accepted it. This can mean someone is intercepting the connection, or the node was reinstalled. Nothing was sent. If you know why the key changed, remove the old key with "ssh-keygen -R" and add the node again.`,
    };
  }
  if (/No .* host key is known for|Host key verification failed/.test(stderr)) {
    return {
      kind: 'host-key-unknown',
      message: `${node}: the node's host key is not known yet. Check its fingerprint and accept it first.`,
    };
  }
  if (/Permission denied \(/.test(stderr) || /Too many authentication failures/.test(stderr)) {
    return {
      kind: 'auth',
      message: `${node}: authentication failed. Load your key into ssh-agent (ssh-add) or set User/IdentityFile in ~/.ssh/config; the app does not ask for SSH passwords.`,
    };
  }
  if (
    /Connection refused|No route to host|Network is unreachable|Connection timed out|kex_exchange_identification|Connection closed by UNKNOWN|port 65535|Connection reset/.test(
      stderr,
    )
  ) {
    return {
      kind: 'unreachable',
      message: `${node}: the node cannot be reached (${last}). Check that it is up and that sshd listens.`,
    };
  }
  if (
    /Connection to .* closed by remote host|Broken pipe|client_loop: send disconnect/.test(stderr)
  ) {
    return { kind: 'dropped', message: `${node}: the connection dropped (${last}).` };
  }
  return { kind: 'other', message: `${node}: ssh failed: ${last || 'no message'}` };
}

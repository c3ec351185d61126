import { t } from '@lingui/core/macro';
import type { DemoScenarioName } from '../../../electron/contract';
import { unworded } from './unworded';

/**
 * What each simulated system shows, one message per scenario. The backend's English summary
 * (electron/demo/scenarios.ts) stays for the CLI and the guide's table; the banner words the id.
 */
export function demoScenarioWords(scenario: DemoScenarioName): string {
  switch (scenario) {
    case 'fresh':
      return t`A new install: both settings off.`;
    case 'enabled':
      return t`Both settings on, now and at every boot, from the app’s own file.`;
    case 'enabled-runtime-only':
      return t`IPv4 turned on for this session only: no file keeps it at the next boot.`;
    case 'persisted':
      return t`IPv4 on now and at every boot, from the app’s own file.`;
    case 'drift':
      return t`A file says on at boot, but someone turned it off by hand since.`;
    case 'conflict-sysctl-conf': {
      const sysctlConf = '/etc/sysctl.conf';
      return t`systemd-sysctl and sysctl --system disagree: ${sysctlConf} turns IPv4 off again.`;
    }
    case 'vips-found':
      return t`A standby load balancer: HAProxy, Keepalived and Nginx name virtual IPs this node does not hold.`;
    case 'docker-haproxy': {
      const container = 'web-lb';
      return t`Docker HAProxy, setting off in its network: on for this computer, but the container ${container} has a network of its own.`;
    }
    case 'netns-nginx': {
      const ipNetns = 'ip netns';
      return t`Nginx in an ${ipNetns} namespace that already has IPv4 on, and Envoy in a namespace only its process holds; this computer has both settings off.`;
    }
    case 'readonly-proc': {
      const procSys = '/proc/sys';
      return t`Inside a container whose ${procSys} is read-only: the settings cannot be changed here.`;
    }
    case 'auth-denied':
      return t`Simulated: the administrator password dialog is cancelled or refused.`;
    case 'no-polkit-agent':
      return t`Simulated: no polkit authentication agent is running (for example over SSH).`;
    case 'no-pkexec':
      return t`Simulated: pkexec is not installed.`;
    case 'no-ipv6': {
      const procSysIpv6 = '/proc/sys/net/ipv6';
      return t`IPv6 disabled in the kernel: ${procSysIpv6} is missing.`;
    }
    default:
      return unworded(scenario, 'demo-scenario');
  }
}

import type { Sandbox } from './sandbox';

/**
 * Lays the traps other people's files can set for a reader onto the real paths
 * inside a sandbox (never on the host): a FIFO, a link to /dev/zero, a 300 MB
 * file, a symlink loop, a directory named *.conf, more files than the reader's
 * cap, and nginx includes that are a FIFO or a glob over the whole disk.
 */
export function layHostileTree(sandbox: Sandbox, manyFiles: number): void {
  sandbox.run('sh', [
    '-c',
    `set -e
     mkfifo /etc/sysctl.d/50-fifo.conf
     ln -s /dev/zero /etc/sysctl.d/60-zero.conf
     truncate -s 300M /etc/sysctl.d/70-huge.conf
     ln -s 80-loop.conf /etc/sysctl.d/80-loop.conf
     mkdir /etc/sysctl.d/85-dir.conf
     printf 'net.ipv4.ip_nonlocal_bind = 1\\n' > /etc/sysctl.d/90-ok.conf
     cd /usr/local/lib/sysctl.d && seq -f 'f%06g.conf' 1 ${manyFiles} | xargs touch
     mkdir -p /etc/haproxy /etc/keepalived /etc/nginx
     # The host may have these packages installed: /etc is an overlay here, so this is private.
     rm -f /etc/haproxy/haproxy.cfg /etc/keepalived/keepalived.conf /etc/nginx/nginx.conf
     mkfifo /etc/haproxy/haproxy.cfg
     ln -s /dev/zero /etc/keepalived/keepalived.conf
     mkfifo /etc/nginx/fifo.conf
     printf 'http {\\n include /etc/nginx/fifo.conf;\\n include /*/*/*/*/*/*/*;\\n include /etc/nginx/**********x;\\n}\\n' > /etc/nginx/nginx.conf`,
  ]);
}

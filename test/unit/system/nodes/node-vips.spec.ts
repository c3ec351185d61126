import { test, expect } from '@playwright/test';
import { NODE_VIP_BUDGET, vipsFromNode } from '../../../../electron/system/nodes/node-vips';
import { NODE_COLUMN_CAP } from '../../../../electron/system/nodes/pair-view';

test("a node's loopback and its own addresses are on the node; others are not", () => {
  const found = vipsFromNode({
    vipFiles: [
      {
        kind: 'file',
        path: '/etc/haproxy/haproxy.cfg',
        text: 'frontend f\n  bind 127.0.0.2:80\n  bind 192.0.2.5:80\n  bind 192.0.2.10:80\n',
      },
    ],
    addresses: ['192.0.2.5'],
  });
  const held = Object.fromEntries(found.entries.map((e) => [e.address, e.assignedLocally]));
  // 127.0.0.2 is loopback like 127.0.0.1, whether or not the node listed it.
  expect(held).toEqual({ '127.0.0.2': true, '192.0.2.5': true, '192.0.2.10': false });
});

test('30 files of 64 KiB of listen lines: at most the node budget of entries, and the list says it was cut', () => {
  const text = `http {\n server {\n${'  listen 192.0.2.77:8080;\n'.repeat(2600)} }\n}\n`.slice(
    0,
    64 * 1024,
  );
  const vipFiles = Array.from({ length: 30 }, (_, i) => ({
    kind: 'file' as const,
    path: `/etc/nginx/conf.d/vhost-${i}.conf`,
    text,
  }));
  const found = vipsFromNode({ vipFiles, addresses: [] });
  expect(found.entries).toHaveLength(NODE_VIP_BUDGET.entries);
  expect(found.exhausted).toMatchObject({ code: 'VIP_BUDGET_EXHAUSTED', budget: 'entries' });
  // What reaches the view for this node stays far below the column cap.
  expect(Buffer.byteLength(JSON.stringify(found))).toBeLessThan(NODE_COLUMN_CAP);
});

test('a hostile include pattern is quoted only in part, and skipped lines are capped too', () => {
  const include = `include /srv/${'x'.repeat(10_000)};\n`;
  const found = vipsFromNode(
    {
      vipFiles: [{ kind: 'file', path: '/etc/nginx/nginx.conf', text: include.repeat(5) }],
      addresses: null,
    },
    { ...NODE_VIP_BUDGET, skipped: 3 },
  );
  expect(found.skipped).toHaveLength(3);
  expect(found.skipped.every((s) => s.reason.length < 400)).toBe(true);
  expect(found.exhausted).toMatchObject({ budget: 'skipped' });
});

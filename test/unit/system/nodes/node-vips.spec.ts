import { test, expect } from '@playwright/test';
import { vipsFromNode } from '../../../../electron/system/nodes/node-vips';

test("a node's loopback and its own addresses are on the node; others are not", () => {
  const found = vipsFromNode(
    {
      vipFiles: [
        {
          kind: 'file',
          path: '/etc/haproxy/haproxy.cfg',
          text: 'frontend f\n  bind 127.0.0.2:80\n  bind 192.0.2.5:80\n  bind 192.0.2.10:80\n',
        },
      ],
      addresses: ['192.0.2.5'],
    },
    'lb-2',
  );
  const held = Object.fromEntries(found.entries.map((e) => [e.address, e.assignedLocally]));
  // 127.0.0.2 is loopback like 127.0.0.1, whether or not the node listed it.
  expect(held).toEqual({ '127.0.0.2': true, '192.0.2.5': true, '192.0.2.10': false });
});

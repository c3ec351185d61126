import { expect, test } from '@playwright/test';
import {
  NODE_COLUMN_CAP,
  PAIR_VIEW_CAP,
  withinCaps,
  type ReadColumn,
} from '../../../../electron/system/nodes/pair-view';
import { errorWords } from '../../../../renderer/src/error-words';

/** A column whose JSON takes about `bytes` (its message), as a node's swollen reading would. */
function columnOf(id: string, bytes: number): ReadColumn {
  return {
    column: {
      id,
      name: id,
      kind: 'ssh',
      read: { ok: false, error: { code: 'other', details: 'm'.repeat(bytes) } },
    },
    read: { ok: false, error: { code: 'other' } },
    destination: null,
  };
}

const size = (c: ReadColumn) => Buffer.byteLength(JSON.stringify(c.column));

test('a column over its cap says so instead of its reading; the others stay', () => {
  const [big, small] = withinCaps([columnOf('big', NODE_COLUMN_CAP + 1), columnOf('small', 100)]);
  expect(big?.column.read).toMatchObject({ ok: false, error: { code: 'too-large' } });
  expect(big?.column.read.ok === false && errorWords(big.column.read.error)).toContain('not shown');
  expect(size(big as ReadColumn)).toBeLessThan(1000);
  expect(small?.column.read).toMatchObject({ ok: false, error: { code: 'other' } });
});

test('the whole view stays under its cap, however many large columns there are', () => {
  const many = Array.from({ length: 40 }, (_, i) => columnOf(`n${i}`, NODE_COLUMN_CAP - 200));
  const capped = withinCaps(many);
  const total = capped.reduce((sum, c) => sum + size(c), 0);
  expect(total).toBeLessThanOrEqual(PAIR_VIEW_CAP);
  const shown = capped.filter(
    (c) => c.column.read.ok === false && c.column.read.error.code === 'other',
  );
  // All but what the reserve for the columns left out takes (40 × 2 KiB, less than one column).
  expect(shown.length).toBe(Math.floor(PAIR_VIEW_CAP / size(many[0] as ReadColumn)) - 1);
  expect(capped.at(-1)?.column.read).toMatchObject({ error: { code: 'too-large' } });
});

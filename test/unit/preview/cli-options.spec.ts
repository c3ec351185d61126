import { test, expect } from '@playwright/test';
import { parsePreviewArgs } from '../../../electron/preview/cli-options';

test('defaults to a free port and the real system', () => {
  expect(parsePreviewArgs([])).toEqual({ port: 0, demo: null });
});

test('reads --port and --demo in both spellings', () => {
  const parsed = parsePreviewArgs(['--port', '8123', '--demo=fresh']);
  expect(parsed.port).toBe(8123);
  expect(parsed.demo?.name).toBe('fresh');
  expect(parsePreviewArgs(['--port=0', '--demo', 'no-ipv6']).demo?.name).toBe('no-ipv6');
});

test('rejects bad input with specific messages', () => {
  expect(() => parsePreviewArgs(['--port', '70000'])).toThrow(
    '--port must be a whole number from 0 to 65535 (got "70000")',
  );
  expect(() => parsePreviewArgs(['--port', '-1'])).toThrow('--port must be a whole number');
  expect(() => parsePreviewArgs(['--port'])).toThrow('--port needs a value');
  expect(() => parsePreviewArgs(['--demo', 'nope'])).toThrow(
    /Unknown demo scenario "nope"\. Known: fresh, /,
  );
  expect(() => parsePreviewArgs(['--verbose'])).toThrow('Unknown option "--verbose"');
});

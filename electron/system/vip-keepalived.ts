import { classifyHost, type VipParseResult } from './vip-types';

const VIP_BLOCKS = new Set(['virtual_ipaddress', 'virtual_ipaddress_excluded']);

/**
 * Addresses in Keepalived `virtual_ipaddress` and `virtual_ipaddress_excluded` blocks.
 *
 * Each line inside such a block starts with one address (optionally `/prefix`), followed
 * by options (`dev eth0 label x`). `include` is reported, not followed.
 */
export function parseKeepalivedConfig(text: string, file: string): VipParseResult {
  const result: VipParseResult = { addresses: [], skipped: [] };
  const stack: string[] = [];
  let lastWord = '';
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    // Keepalived treats both `#` and `!` as comment starts.
    const code = raw.replace(/[#!].*$/, '');
    const tokens = code
      .replace(/([{}])/g, ' $1 ')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    let firstWordOnLine = true;
    for (const token of tokens) {
      if (token === '{') {
        stack.push(lastWord);
        lastWord = '';
        // `virtual_ipaddress { 192.0.2.1 }`: the address follows the brace on one line.
        firstWordOnLine = true;
        continue;
      }
      if (token === '}') {
        if (stack.pop() === undefined) result.skipped.push({ file, line, reason: 'unbalanced }' });
        continue;
      }
      const inVipBlock = VIP_BLOCKS.has(stack[stack.length - 1] ?? '');
      if (inVipBlock && firstWordOnLine) addVip(token, file, line, result);
      else if (firstWordOnLine && token === 'include') {
        result.skipped.push({
          file,
          line,
          reason: `include not followed: ${code.trim().slice(8, 120)}`,
        });
      }
      firstWordOnLine = false;
      lastWord = token;
    }
  });
  if (stack.length > 0) {
    result.skipped.push({
      file,
      line: text.split('\n').length,
      reason: 'unclosed { at end of file',
    });
  }
  return result;
}

function addVip(token: string, file: string, line: number, result: VipParseResult): void {
  const host = classifyHost(token.replace(/\/\d{1,3}$/, ''));
  if (host.kind === 'skip') {
    result.skipped.push({ file, line, reason: host.reason });
    return;
  }
  result.addresses.push({
    address: host.address,
    port: null,
    family: host.family,
    file,
    line,
    program: 'keepalived',
  });
}

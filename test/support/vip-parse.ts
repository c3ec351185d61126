import { collectParse, type ParseResult } from '../../electron/system/vip-address';
import { VIP_PROGRAMS, type VipProgramName } from '../../electron/system/vip-programs';

/** A whole configuration through one program's parser at once, its findings gathered. */
export function parseConfig(program: VipProgramName, text: string, file: string): ParseResult {
  return collectParse(VIP_PROGRAMS[program].parser, text, file);
}

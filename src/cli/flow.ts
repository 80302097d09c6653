/** The traffic options of `reach` (--protocol, --port, --icmp-type, --icmp-code) to an engine Flow. */
import type { Flow } from '../core/engine/types.ts';
import { protocolName, protocolNumber } from '../core/net/index.ts';
import { CliError, integerOption, type OptionSpec, type ParsedArgs } from './args.ts';

export const FLOW_OPTIONS: Record<string, OptionSpec> = {
  protocol: { type: 'string', value: 'P', description: 'tcp (default), udp, icmp, icmpv6, all, or a protocol number.' },
  port: { type: 'string', value: 'N', description: 'Destination port, tcp/udp only (default: every port).' },
  'icmp-type': { type: 'string', value: 'T', description: 'ICMP type, icmp/icmpv6 only (default: any).' },
  'icmp-code': { type: 'string', value: 'C', description: 'ICMP code, with --icmp-type (default: any).' },
};

/** Reads the traffic options; combinations AWS cannot mean (a port on icmp) are refused. */
export function flowFromArgs(args: ParsedArgs): Flow {
  const given = args.values.protocol;
  const number = protocolNumber(typeof given === 'string' ? given : 'tcp');
  if (!number.ok) throw new CliError(`--protocol: ${number.error.message}.`);
  const protocol = protocolName(number.value);
  const port = integerOption(args, 'port', 0, 65535);
  const icmpType = integerOption(args, 'icmp-type', -1, 255);
  const icmpCode = integerOption(args, 'icmp-code', -1, 255);
  const ported = protocol === 'tcp' || protocol === 'udp';
  const icmp = protocol === 'icmp' || protocol === 'icmpv6';
  if (port !== undefined && !ported) throw new CliError(`--port applies to tcp and udp only, not ${String(protocol)}.`);
  if ((icmpType !== undefined || icmpCode !== undefined) && !icmp) {
    throw new CliError(`--icmp-type and --icmp-code apply to icmp and icmpv6 only, not ${String(protocol)}.`);
  }
  if (icmpCode !== undefined && icmpCode !== -1 && (icmpType === undefined || icmpType === -1)) {
    throw new CliError(`--icmp-code needs a specific --icmp-type.`);
  }
  return {
    protocol,
    ...(port !== undefined ? { port } : {}),
    ...(icmpType !== undefined ? { icmpType } : {}),
    ...(icmpCode !== undefined ? { icmpCode } : {}),
  };
}

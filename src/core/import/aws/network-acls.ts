/**
 * describe-network-acls: Entries (RuleNumber, Egress, RuleAction, Protocol as "-1"/"6", CidrBlock
 * or Ipv6CidrBlock, PortRange, IcmpTypeCode) and Associations. The implicit `*` denies (32767 for
 * IPv4, 32768 for IPv6) are part of every ACL and are not stored.
 */
import type { NetworkAclEntry } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { ImportContext } from './context.ts';
import { readCidr } from './addresses.ts';
import { readProtocol, trafficMatch } from './protocol.ts';
import { nameFrom, readTags } from './tags.ts';

const IMPLICIT_DENY = new Set([32767, 32768]);

function readEntry(entry: Cursor, ctx: ImportContext): NetworkAclEntry | undefined {
  const ruleNumber = entry.int('RuleNumber');
  if (ruleNumber === undefined) return entry.at('RuleNumber').fail('is missing: every ACL entry has a rule number.');
  if (IMPLICIT_DENY.has(ruleNumber)) return undefined;
  if (ruleNumber < 1 || ruleNumber > 32766) entry.at('RuleNumber').fail(`is ${ruleNumber}; a rule number is 1 to 32766.`);
  const action = entry.str('RuleAction')?.toLowerCase();
  if (action !== 'allow' && action !== 'deny') {
    return entry.at('RuleAction').fail(`is ${action === undefined ? 'missing' : `"${entry.str('RuleAction')}"`}; it must be allow or deny.`);
  }
  const cidr = readCidr(entry, 'CidrBlock', ctx, 4) ?? readCidr(entry, 'Ipv6CidrBlock', ctx, 6);
  if (!cidr) return entry.at('CidrBlock').fail('is missing, and so is Ipv6CidrBlock: an ACL entry matches a CIDR.');
  const protocol = readProtocol(entry, 'Protocol');
  const match = trafficMatch(
    protocol,
    { item: entry.obj('PortRange'), from: 'From', to: 'To' },
    { item: entry.obj('IcmpTypeCode'), from: 'Type', to: 'Code' },
  );
  return { ruleNumber, egress: entry.bool('Egress') ?? false, action, cidr, match };
}

/** Imports describe-network-acls with their entries and associations. */
export function importNetworkAcls(items: Cursor[], ctx: ImportContext): void {
  for (const item of items) {
    const id = item.id('NetworkAclId');
    const vpcId = item.id('VpcId');
    const entries: NetworkAclEntry[] = [];
    const seen = new Map<string, Cursor>();
    for (const raw of item.objects('Entries')) {
      const entry = readEntry(raw, ctx);
      if (!entry) continue;
      // AWS numbers IPv4 and IPv6 entries of a direction in one sequence; a repeat cannot be real.
      const key = `${entry.egress}:${entry.ruleNumber}`;
      const first = seen.get(key);
      if (first) {
        ctx.warn('import/duplicate-rule-number', `${id} has a second ${entry.egress ? 'outbound' : 'inbound'} entry numbered ${entry.ruleNumber}; the first (${first.where}) was kept.`, raw, id);
        continue;
      }
      seen.set(key, raw);
      entries.push(entry);
    }
    entries.sort((a, b) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber);
    const isDefault = item.bool('IsDefault') ?? false;
    const tags = readTags(item, ctx);
    const added = ctx.put('networkAcls', ctx.networkAcls, id, { id, name: nameFrom(tags, id), vpcId, isDefault, entries, ...(tags ? { tags } : {}) }, item);
    if (!added) continue;
    if (isDefault) ctx.defaultNetworkAcls.set(vpcId, { id, at: item });
    for (const assoc of item.objects('Associations')) {
      const subnetId = assoc.optionalId('SubnetId');
      if (subnetId) ctx.subnetNetworkAcls.set(subnetId, { id, at: assoc });
    }
  }
}

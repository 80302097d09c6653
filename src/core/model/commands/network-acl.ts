/** Commands on network ACLs: create (denies everything, as AWS does), and numbered entries. */
import type { Design, NetworkAcl, NetworkAclEntry } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { cidrIssue } from '../cidr-check.ts';
import { textIssue } from '../naming.ts';
import { normaliseMatch } from '../match-check.ts';
import type { CommandResult } from './common.ts';
import { find, newId, put } from './common.ts';

/** AWS's default quota of entries per direction per address family (adjustable to 40). */
export const MAX_ACL_ENTRIES_PER_DIRECTION = 20;

/** Adds a custom network ACL: with no entries it denies everything both ways. */
export function addNetworkAcl(d: Design, args: { id?: string; vpcId: string; name: string }): CommandResult {
  const vpc = find(d, 'vpcs', args.vpcId);
  if (!vpc.ok) return vpc;
  const bad = textIssue(args.name, 'name', 'name');
  if (bad) return err(bad);
  const id = args.id ?? newId(d, 'networkAcls');
  const acl: NetworkAcl = { id, name: args.name, vpcId: args.vpcId, isDefault: false, entries: [] };
  return ok(put(d, 'networkAcls', acl));
}

/** Adds an entry, or replaces the one with the same number and direction. */
export function setNetworkAclEntry(d: Design, aclId: string, entry: NetworkAclEntry): CommandResult {
  const acl = find(d, 'networkAcls', aclId);
  if (!acl.ok) return acl;
  if (!Number.isInteger(entry.ruleNumber) || entry.ruleNumber < 1 || entry.ruleNumber > 32766) {
    return err(modelError('acl/rule-number', `Rule number ${entry.ruleNumber} is outside 1-32766.`, { path: 'ruleNumber' }));
  }
  const bad = cidrIssue(entry.cidr, undefined, 'cidr');
  if (bad) return err(bad);
  const match = normaliseMatch(entry.match);
  if (!match.ok) return match;
  const normalised: NetworkAclEntry = { ...entry, match: match.value };
  const entries = acl.value.entries.filter((e) => !(e.egress === entry.egress && e.ruleNumber === entry.ruleNumber));
  const family = entry.cidr.includes(':');
  const count = entries.filter((e) => e.egress === entry.egress && e.cidr.includes(':') === family).length + 1;
  if (count > MAX_ACL_ENTRIES_PER_DIRECTION) {
    return err(
      modelError('acl/quota', `${acl.value.name} would have ${count} ${entry.egress ? 'outbound' : 'inbound'} IPv${family ? 6 : 4} entries; AWS allows ${MAX_ACL_ENTRIES_PER_DIRECTION}.`),
    );
  }
  entries.push(normalised);
  entries.sort((a, b) => Number(a.egress) - Number(b.egress) || a.ruleNumber - b.ruleNumber);
  return ok(put(d, 'networkAcls', { ...acl.value, entries }));
}

/** Removes the entry with a number in one direction. */
export function removeNetworkAclEntry(d: Design, aclId: string, egress: boolean, ruleNumber: number): CommandResult {
  const acl = find(d, 'networkAcls', aclId);
  if (!acl.ok) return acl;
  if (!acl.value.entries.some((e) => e.egress === egress && e.ruleNumber === ruleNumber)) {
    return err(modelError('acl/not-found', `${acl.value.name} has no ${egress ? 'outbound' : 'inbound'} rule ${ruleNumber}.`));
  }
  return ok(put(d, 'networkAcls', { ...acl.value, entries: acl.value.entries.filter((e) => !(e.egress === egress && e.ruleNumber === ruleNumber)) }));
}

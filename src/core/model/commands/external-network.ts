/** Commands on external networks (the Internet, CorpNet…) beyond adding one: rename, re-range, remove. */
import type { Design } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { cidrIssue } from '../cidr-check.ts';
import { textIssue } from '../naming.ts';
import type { CommandResult } from './common.ts';
import { drop, find, put } from './common.ts';
import { withoutLayout } from './vpc.ts';

/** Renames an external network. */
export function renameExternalNetwork(d: Design, id: string, name: string): CommandResult {
  const network = find(d, 'externalNetworks', id);
  if (!network.ok) return network;
  const bad = textIssue(name, 'name', 'name');
  if (bad) return err(bad);
  return ok(put(d, 'externalNetworks', { ...network.value, name }));
}

/** Replaces a named network's CIDRs (the Internet has none: it is everything not otherwise named). */
export function setExternalNetworkCidrs(d: Design, id: string, cidrs: string[]): CommandResult {
  const network = find(d, 'externalNetworks', id);
  if (!network.ok) return network;
  if (network.value.kind === 'internet') return err(modelError('externalNetworks/internet-cidrs', 'The Internet has no CIDRs of its own: it is every address not otherwise named.', { subject: id }));
  if (cidrs.length === 0) return err(modelError('externalNetworks/no-cidr', `${network.value.name} needs at least one CIDR.`, { path: 'cidrs' }));
  for (const [i, c] of cidrs.entries()) {
    const issue = cidrIssue(c, undefined, `cidrs[${i}]`);
    if (issue) return err(issue);
  }
  return ok(put(d, 'externalNetworks', { ...network.value, cidrs: [...new Set(cidrs)] }));
}

/** Removes an external network and its layout; rules naming its CIDRs stay (they are addresses, not references). */
export function removeExternalNetwork(d: Design, id: string): CommandResult {
  const network = find(d, 'externalNetworks', id);
  if (!network.ok) return network;
  return ok(withoutLayout(drop(d, 'externalNetworks', [id]), [id]));
}

/** Layout commands: positions only. They never touch the network, so analysis memoised on it stays valid. */
import type { Design, ExternalNetwork, NodeLayout } from '../types.ts';
import { err, ok } from '../result.ts';
import { modelError } from '../errors.ts';
import { cidrIssue } from '../cidr-check.ts';
import { textIssue } from '../naming.ts';
import type { CommandResult } from './common.ts';
import { newId, put } from './common.ts';

/** Sets the positions (and sizes) of several nodes at once: one undo step for a multi-node drag. */
export function setLayout(d: Design, changes: Record<string, NodeLayout>): CommandResult {
  for (const [id, l] of Object.entries(changes)) {
    if (![l.x, l.y, l.width ?? 1, l.height ?? 1].every(Number.isFinite)) {
      return err(modelError('layout/not-finite', `The position of ${id} is not a finite number.`, { subject: id }));
    }
  }
  return ok({ ...d, layout: { ...d.layout, ...changes } });
}

/** Adds an external network: the Internet, or a named range such as a corporate network. */
export function addExternalNetwork(d: Design, args: { id?: string; name: string; kind: ExternalNetwork['kind']; cidrs?: string[] }): CommandResult {
  const bad = textIssue(args.name, 'name', 'name');
  if (bad) return err(bad);
  const cidrs = args.kind === 'internet' ? [] : (args.cidrs ?? []);
  if (args.kind === 'cidr' && cidrs.length === 0) return err(modelError('externalNetworks/no-cidr', `${args.name} needs at least one CIDR.`, { path: 'cidrs' }));
  for (const [i, c] of cidrs.entries()) {
    const issue = cidrIssue(c, undefined, `cidrs[${i}]`);
    if (issue) return err(issue);
  }
  if (args.kind === 'internet' && Object.values(d.externalNetworks).some((n) => n.kind === 'internet')) {
    return err(modelError('externalNetworks/one-internet', 'The design already has the Internet.'));
  }
  const id = args.id ?? newId(d, 'externalNetworks');
  return ok(put(d, 'externalNetworks', { id, name: args.name, kind: args.kind, cidrs }));
}

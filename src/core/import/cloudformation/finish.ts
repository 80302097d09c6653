/**
 * After the describe importer: logical ids back where the bundle needed stand-ins (internet
 * gateways' `igw-`, ELB ARNs), names the describe form has no field for, the default tables named
 * as a drawn design names them, and auto scaling groups made instance groups. The design is then
 * validated once more, so nothing half-repaired leaves here.
 */
import type { ModelError } from '../../model/errors.ts';
import type { Result } from '../../model/result.ts';
import { err } from '../../model/result.ts';
import { validateDesign } from '../../model/schema.ts';
import type { Design, Resource } from '../../model/types.ts';
import { defaultAclOf, mainRouteTableOf } from './attributes.ts';
import type { Build } from './build.ts';
import { isStandInArn } from './ids.ts';

/** Bundle id to design id, for the internet gateways the templates create. */
export function internetGatewayRenames(b: Build): Map<string, string> {
  return new Map([...b.internetGateways.keys()].map((bundleId) => [bundleId, bundleId.slice('igw-'.length)]));
}

export function finishDesign(design: Design, b: Build, renames: ReadonlyMap<string, string>): Result<Design, ModelError> {
  // The design is fresh from the describe importer and ours to change.
  const d = design;
  const gateways: Design['internetGateways'] = {};
  for (const [id, g] of Object.entries(d.internetGateways)) {
    const to = renames.get(id) ?? id;
    gateways[to] = { ...g, id: to, name: g.name === id ? to : g.name };
  }
  d.internetGateways = gateways;
  for (const t of Object.values(d.routeTables)) {
    for (const r of t.routes) if (r.target.kind === 'internet-gateway') r.target.id = renames.get(r.target.id) ?? r.target.id;
  }
  for (const vpc of Object.values(d.vpcs)) {
    const main = d.routeTables[mainRouteTableOf(vpc.id)];
    if (main && main.name === main.id) main.name = `${vpc.name} main`;
    const acl = d.networkAcls[defaultAclOf(vpc.id)];
    if (acl && acl.name === acl.id) acl.name = `${vpc.name} default`;
  }
  const resources: Record<string, Resource> = {};
  for (const [id, r] of Object.entries(d.resources)) {
    let out: Resource = r;
    if (r.kind === 'load-balancer' && isStandInArn(r.arn)) {
      const { arn: _arn, ...rest } = r;
      out = rest;
    }
    const name = b.names.get(`resources/${id}`);
    if (name && !r.tags?.Name) out = { ...out, name };
    const count = b.instanceGroups.get(id);
    if (count !== undefined && out.kind === 'instance') out = { ...out, kind: 'instance-group', count };
    resources[id] = out;
  }
  d.resources = resources;
  const validated = validateDesign(d);
  if (!validated.ok) return err({ ...validated.error, code: 'import/invalid-design', message: `The imported design does not validate (${validated.error.code}): ${validated.error.message}` });
  return validated;
}

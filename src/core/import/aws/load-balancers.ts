/**
 * elbv2 describe-load-balancers: application load balancers only (network and gateway load
 * balancers are not modelled). Each node's ENI comes from describe-network-interfaces
 * ("ELB app/<name>/<id>"); an enabled subnet without one gets a synthesised ENI carrying the
 * load balancer's groups.
 */
import type { Cursor } from './cursor.ts';
import type { GroupRef, ImportContext, RawEni } from './context.ts';
import type { InterfaceRecord } from './network-interfaces.ts';
import { arnResource } from './arn.ts';
import { syntheticEni } from './enis.ts';
import { tagsWith, type TagsByArn } from './resource-tags.ts';
import { nameFrom, readTags } from './tags.ts';

/** Imports application load balancers with their ENIs and tags; listeners and target groups come later (listeners.ts). */
export function importLoadBalancers(items: Cursor[], interfaces: InterfaceRecord[], ctx: ImportContext, tagsByArn: TagsByArn = new Map()): void {
  for (const item of items) {
    const arn = item.optionalId('LoadBalancerArn');
    const lbName = item.str('LoadBalancerName')?.trim();
    if (!arn && !lbName) item.at('LoadBalancerArn').fail('is missing, and so is LoadBalancerName: a load balancer needs one of them.');
    const id = arn ? arnResource(arn) : lbName!;
    const type = item.str('Type') ?? 'application';
    if (type !== 'application') {
      ctx.warn('import/load-balancer-type', `${id} is a ${type} load balancer; only application load balancers are modelled, so it was left out.`, item, id);
      continue;
    }
    const groups: GroupRef[] = item.list('SecurityGroups').flatMap((g) => (typeof g.value === 'string' && g.value.trim() ? [{ id: g.value.trim() }] : []));
    const subnetIds = item.objects('AvailabilityZones').flatMap((z) => z.optionalId('SubnetId') ?? []);
    const enis: RawEni[] = [];
    for (const r of interfaces) {
      if (!r.claimed && r.description === `ELB ${id}`) {
        r.claimed = true;
        enis.push(r.eni);
      }
    }
    for (const subnetId of subnetIds) {
      if (!enis.some((e) => e.subnetId === subnetId)) {
        enis.push(syntheticEni(`${id}-eni-${subnetId}`, subnetId, groups, `ELB ${id} (synthesised)`, item));
      }
    }
    // describe-load-balancers prints no tags: they come from describe-tags (resource-tags.ts).
    const tags = tagsWith(readTags(item, ctx), arn, tagsByArn);
    const scheme = item.str('Scheme') === 'internal' ? 'internal' : 'internet-facing';
    const added = ctx.put('resources', ctx.resources, id, {
      kind: 'load-balancer',
      id,
      name: nameFrom(tags, lbName || id),
      ...(arn ? { arn } : {}),
      scheme,
      listeners: [],
      targetGroups: [],
      enis,
      ...(tags ? { tags } : {}),
      at: item,
    }, item);
    if (added && arn) ctx.loadBalancersByArn.set(arn, id);
  }
}

/**
 * The path between two interfaces on private addresses: inside one VPC (local route), or across
 * a peering (routes both ways, active, same two VPCs: no transit). network-semantics.md §5 steps 2-7.
 */
import type { Address, IpFamily } from '../net/index.ts';
import type { CompiledDesign, EniInfo } from './compiled.ts';
import type { Check } from './chain.ts';
import { aclCheck, aclReplyCheck, gateCheck, passCheck, push, sgCheck } from './checks.ts';
import { eniHop, explain, peeringHop, resourceHop, tableHop, tablePhrase } from './hops.ts';
import { bestRoute, describeRoute, TARGET_NOUN } from './route-eval.ts';
import { peeringBetween } from './compile.ts';

/** A path split in the forward packet's checks and the reply's. */
export interface Leg {
  forward: Check[];
  back: Check[];
}

export function addressIn(eni: EniInfo, family: IpFamily): Address | undefined {
  return family === 4 ? eni.private4 : eni.private6;
}

/** "app-1 (10.0.2.4)" */
export function eniDesc(eni: EniInfo, address: Address | undefined): string {
  const r = eni.resource;
  const ids = [r.name && r.name !== r.id ? r.id : undefined, r.enis.length > 1 ? eni.eni.id : undefined, address?.text].filter((x) => x !== undefined);
  return ids.length > 0 ? `${r.name || r.id} (${ids.join(', ')})` : r.name || r.id;
}

export function planPrivate(ix: CompiledDesign, src: EniInfo, dst: EniInfo, family: IpFamily): Leg {
  const srcAddr = addressIn(src, family)!;
  const dstAddr = addressIn(dst, family)!;
  const srcDesc = eniDesc(src, srcAddr);
  const dstDesc = eniDesc(dst, dstAddr);
  const sameSubnet = src.subnet === dst.subnet;
  const forward: Check[] = [];
  const back: Check[] = [];

  push(forward, passCheck(resourceHop(src)), passCheck(eniHop(src, srcAddr.text)));
  push(forward, sgCheck(src, 'egress', { address: dstAddr, eni: dst, desc: dstDesc }));
  if (!sameSubnet) push(forward, aclCheck(src.subnet, 'outbound', dstAddr, dstDesc));
  if (src.vpc === dst.vpc) {
    if (!sameSubnet) push(forward, passCheck(tableHop(src.subnet, `local route to ${dstAddr.text}`)));
  } else {
    push(forward, ...peeringRoute(ix, src, dst, dstAddr));
  }
  if (!sameSubnet) push(forward, aclCheck(dst.subnet, 'inbound', srcAddr, srcDesc));
  push(forward, sgCheck(dst, 'ingress', { address: srcAddr, eni: src, desc: srcDesc }));
  push(forward, passCheck(eniHop(dst, dstAddr.text)), passCheck(resourceHop(dst)));

  if (!sameSubnet) push(back, aclReplyCheck(dst.subnet, 'outbound', srcAddr, srcDesc, 'client'));
  if (src.vpc !== dst.vpc) push(back, returnPeeringRoute(ix, src, dst, srcAddr));
  if (!sameSubnet) push(back, aclReplyCheck(src.subnet, 'inbound', dstAddr, dstDesc, 'client'));
  return { forward, back };
}

function peeringRoute(ix: CompiledDesign, src: EniInfo, dst: EniInfo, dstAddr: Address): Check[] {
  const r = bestRoute(src.subnet.routeTable, dstAddr);
  const hop = tableHop(src.subnet, r ? describeRoute(r) : undefined);
  const fail = (code: Parameters<typeof explain>[0], message: string) => [gateCheck(hop, 'forward', false, () => explain(code, hop, 'forward', message))];
  const dstDesc = `${dstAddr.text} (${dst.label} in VPC ${dst.vpc.label})`;
  if (!r) return fail('NO_ROUTE_TO_DESTINATION', `${tablePhrase(src.subnet)} has no route to ${dstDesc}.`);
  if (r.route?.state === 'blackhole') return fail('BAD_STATE_ROUTE', `${tablePhrase(src.subnet)} sends ${dstAddr.text} to a blackhole route (${describeRoute(r)}).`);
  if (r.target.kind !== 'peering') {
    const pcx = peeringBetween(ix.peerings, src.vpc.vpc.id, dst.vpc.vpc.id);
    if (pcx) {
      return fail(
        'NO_ROUTE_TO_DESTINATION',
        `${tablePhrase(src.subnet)} sends ${dstDesc} to ${TARGET_NOUN[r.target.kind]}${'id' in r.target ? ` ${r.target.id}` : ''}, not to peering connection ${pcx.name}.`,
      );
    }
    return fail(
      'NO_PATH_BETWEEN_VPCS',
      `VPCs ${src.vpc.label} and ${dst.vpc.label} are not peered, and ${dst.label} has no public address to reach over the Internet.`,
    );
  }
  const p = ix.peerings.get(r.target.id);
  const pHop = peeringHop(p, r.target.id);
  if (!p) return fail('BAD_STATE_ROUTE', `${tablePhrase(src.subnet)} sends ${dstAddr.text} to peering connection ${r.target.id}, which does not exist (blackhole).`);
  const mine = p.requester.vpcId === src.vpc.vpc.id ? p.accepter : p.accepter.vpcId === src.vpc.vpc.id ? p.requester : undefined;
  if (!mine) return fail('BAD_STATE_ROUTE', `${tablePhrase(src.subnet)} sends ${dstAddr.text} to peering connection ${p.name}, which does not belong to VPC ${src.vpc.label}.`);
  if (mine.vpcId !== dst.vpc.vpc.id) {
    const other = ix.vpcs.get(mine.vpcId)?.label ?? mine.vpcId;
    return [
      passCheck(hop),
      gateCheck(pHop, 'forward', false, () =>
        explain(
          'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR',
          pHop,
          'forward',
          `Peering connection ${p.name} joins ${src.vpc.label} to ${other}; ${dstDesc} is not in ${other}'s CIDRs, and peering is not transitive.`,
        ),
      ),
    ];
  }
  if (p.status !== 'active') {
    return fail('BAD_STATE_ROUTE', `${tablePhrase(src.subnet)} sends ${dstAddr.text} to peering connection ${p.name}, which is ${p.status}, not active (a blackhole).`);
  }
  return [passCheck(hop), passCheck(pHop)];
}

function returnPeeringRoute(ix: CompiledDesign, src: EniInfo, dst: EniInfo, srcAddr: Address): Check {
  const r = bestRoute(dst.subnet.routeTable, srcAddr);
  const hop = tableHop(dst.subnet, r ? describeRoute(r) : undefined);
  const fail = (code: 'NO_ROUTE_TO_DESTINATION' | 'BAD_STATE_ROUTE', message: string) =>
    gateCheck(hop, 'return', false, () => explain(code, hop, 'return', message));
  const back = `${srcAddr.text} (${src.label} in VPC ${src.vpc.label})`;
  if (!r) return fail('NO_ROUTE_TO_DESTINATION', `${tablePhrase(dst.subnet)} has no route back to ${back}, so the reply is dropped.`);
  if (r.route?.state === 'blackhole') return fail('BAD_STATE_ROUTE', `${tablePhrase(dst.subnet)} sends the reply to ${srcAddr.text} to a blackhole route.`);
  const p = r.target.kind === 'peering' ? ix.peerings.get(r.target.id) : undefined;
  const joins = p && [p.requester.vpcId, p.accepter.vpcId].includes(src.vpc.vpc.id) && [p.requester.vpcId, p.accepter.vpcId].includes(dst.vpc.vpc.id);
  if (!joins) return fail('NO_ROUTE_TO_DESTINATION', `${tablePhrase(dst.subnet)} sends the reply to ${back} via ${describeRoute(r)}, not back over the peering.`);
  if (p.status !== 'active') return fail('BAD_STATE_ROUTE', `The reply's route to ${srcAddr.text} uses peering connection ${p.name}, which is ${p.status}, not active.`);
  return passCheck(hop, 'return');
}

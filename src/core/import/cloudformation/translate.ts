/**
 * Templates into describe items, resource kind by kind, parents before what joins them (VPCs
 * before subnets and tables, tables before routes, groups before rules, target groups before the
 * auto scaling groups that register with them).
 */
import { Build } from './build.ts';
import { Draft } from './draft.ts';
import type { Scope } from './scope.ts';
import { translateAutoScalingGroups, translateElasticIps, translateInstances } from './translate-compute.ts';
import { translateDatabases, translateFunctions } from './translate-data.ts';
import { translateLoadBalancers } from './translate-elb.ts';
import { translateSecurityGroups } from './translate-groups.ts';
import { translateInternetGateways, translateNatGateways, translatePeerings, translatePrefixLists, translateSubnets, translateVpcs } from './translate-network.ts';
import { translateNetworkAcls, translateRouteTables } from './translate-routing.ts';

/** Translates every template of the scope; the result holds the bundle (draft) and what finish.ts needs. */
export function translate(scope: Scope): Build {
  const b = new Build(scope, new Draft());
  translateVpcs(b);
  translateSubnets(b);
  translateInternetGateways(b);
  translateNatGateways(b);
  translatePeerings(b);
  translatePrefixLists(b);
  translateRouteTables(b);
  translateNetworkAcls(b);
  translateSecurityGroups(b);
  translateElasticIps(b);
  translateInstances(b);
  translateLoadBalancers(b);
  translateAutoScalingGroups(b);
  translateDatabases(b);
  translateFunctions(b);
  for (const [file, counts] of b.notModelled()) {
    const list = [...counts].map(([type, n]) => (n > 1 ? `${type} ×${n}` : type)).join(', ');
    scope.warn('import/cfn-not-modelled', `${file}: resources of types the designer does not model were left out: ${list}.`);
  }
  return b;
}

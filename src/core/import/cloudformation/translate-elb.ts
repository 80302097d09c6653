/**
 * Elastic Load Balancing v2: load balancers, target groups (with their Targets as target health)
 * and listeners, as the elbv2 describe commands print them. A target group lists the load
 * balancers whose listeners (or listener rules) forward to it, as describe-target-groups does.
 */
import type { Cursor } from '../aws/cursor.ts';
import type { Build, Item } from './build.ts';

/** The target group ARNs an action list forwards to (TargetGroupArn or ForwardConfig). */
function forwardedGroups(actions: Cursor): string[] {
  const arns: string[] = [];
  for (const action of actions.list()) {
    const direct = action.at('TargetGroupArn').value;
    if (typeof direct === 'string') arns.push(direct);
    for (const g of action.at('ForwardConfig').at('TargetGroups').list()) {
      const arn = g.at('TargetGroupArn').value;
      if (typeof arn === 'string') arns.push(arn);
    }
  }
  return arns;
}

export function translateLoadBalancers(b: Build): void {
  for (const r of b.readers('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
    r.entity(`load balancer ${r.logicalId}`, () => {
      const subnetsAt = r.prop('Subnets');
      const mappingsAt = r.prop('SubnetMappings');
      const subnets = subnetsAt.missing ? r.list(mappingsAt).flatMap((m) => r.idAt(m.at('SubnetId')) ?? []) : r.ids(subnetsAt);
      const groupsAt = r.prop('SecurityGroups');
      let groups = r.ids(groupsAt);
      // An application load balancer created without groups gets its VPC's default group.
      if (groupsAt.missing && groups.length === 0) groups = [b.defaultGroupOfSubnet(subnets[0])].flatMap((g) => g ?? []);
      const nameAt = r.prop('Name');
      const typeAt = r.prop('Type');
      const schemeAt = r.prop('Scheme');
      const item: Item = {
        LoadBalancerArn: r.scope.bundleId(r.template, r.logicalId),
        LoadBalancerName: r.optional(nameAt) ?? r.logicalId,
        Type: r.optional(typeAt) ?? 'application',
        Scheme: r.optional(schemeAt) ?? 'internet-facing',
        AvailabilityZones: subnets.map((SubnetId) => ({ SubnetId })),
        SecurityGroups: groups,
        Tags: r.tags(),
      };
      b.draft.add(r.file, 'LoadBalancers', b.draft.track(item, r.at, { LoadBalancerName: nameAt, Type: typeAt, Scheme: schemeAt, AvailabilityZones: subnetsAt.missing ? mappingsAt : subnetsAt, SecurityGroups: groupsAt, Tags: r.prop('Tags') }));
    });
  }
  for (const r of b.readers('AWS::ElasticLoadBalancingV2::TargetGroup')) {
    r.entity(`target group ${r.logicalId}`, () => {
      const arn = r.scope.bundleId(r.template, r.logicalId);
      const keys = ['Protocol', 'Port', 'HealthCheckPort', 'TargetType'] as const;
      const item: Item = { TargetGroupArn: arn, TargetGroupName: r.optional(r.prop('Name')) ?? r.logicalId, LoadBalancerArns: [] };
      for (const k of keys) item[k] = r.optional(r.prop(k));
      b.draft.add(r.file, 'TargetGroups', b.draft.track(item, r.at, Object.fromEntries(keys.map((k) => [k, r.prop(k)]))));
      b.targetGroups.set(arn, item);
      for (const target of r.list(r.prop('Targets'))) {
        r.entity(`a target of ${r.logicalId}`, () => {
          const health = { TargetGroupArn: arn, Target: b.draft.track({ Id: r.idAt(target.at('Id')), Port: r.optional(target.at('Port')) }, target, { Id: target.at('Id'), Port: target.at('Port') }) };
          b.draft.add(r.file, 'TargetHealthDescriptions', b.draft.track(health, target));
        });
      }
    });
  }
  const listenerBalancers = new Map<string, unknown>();
  for (const r of b.readers('AWS::ElasticLoadBalancingV2::Listener')) {
    r.entity(`listener ${r.logicalId}`, () => {
      const lbAt = r.prop('LoadBalancerArn');
      const actionsAt = r.prop('DefaultActions');
      const lbArn = r.need(lbAt);
      r.need(actionsAt);
      const arn = r.scope.bundleId(r.template, r.logicalId);
      listenerBalancers.set(arn, lbArn);
      joinTargetGroups(b, forwardedGroups(actionsAt), lbArn);
      const item: Item = { ListenerArn: arn, LoadBalancerArn: lbArn, Protocol: r.optional(r.prop('Protocol')), Port: r.optional(r.prop('Port')), DefaultActions: actionsAt.value };
      b.draft.add(r.file, 'Listeners', b.draft.track(item, r.at, { LoadBalancerArn: lbAt, Protocol: r.prop('Protocol'), Port: r.prop('Port'), DefaultActions: actionsAt }));
    });
  }
  let rules = 0;
  for (const r of b.readers('AWS::ElasticLoadBalancingV2::ListenerRule')) {
    const lbArn = listenerBalancers.get(String(r.prop('ListenerArn').value));
    const actions = r.prop('Actions');
    const forwards = Array.isArray(actions.value) ? forwardedGroups(actions) : [];
    if (lbArn !== undefined) joinTargetGroups(b, forwards, lbArn);
    rules++;
  }
  if (rules > 0) {
    b.scope.warn('import/cfn-listener-rules', `${rules} listener rule${rules === 1 ? '' : 's'} (AWS::ElasticLoadBalancingV2::ListenerRule) ${rules === 1 ? 'was' : 'were'} read only for the target groups they forward to: the designer models each listener's default action, not its rules.`);
  }
}

function joinTargetGroups(b: Build, arns: string[], lbArn: unknown): void {
  for (const arn of arns) {
    const tg = b.targetGroups.get(arn);
    const list = tg?.LoadBalancerArns as unknown[] | undefined;
    if (list && !list.includes(lbArn)) list.push(lbArn);
  }
}

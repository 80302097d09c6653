/**
 * ALB cannot reach or health-check its targets (network-semantics.md §4): the balancer opens its
 * own connections to each registered target on the target port and the health-check port, so the
 * target's groups must admit the balancer, the balancer's groups must let those ports out, and
 * NACLs and routes must carry them. Asked of the engine per target and port; a target in an AZ the
 * balancer does not enable is design-az-coverage's finding, not this one.
 *
 * The quick fix adds what the groups lack: an ingress rule on the target's group for the port,
 * referencing the balancer's group (and the matching egress rule on the balancer's group).
 */
import type { Design, LoadBalancer, Resource, TargetGroup } from '../../model/types.ts';
import { addRule } from '../../model/commands/rules.ts';
import type { CommandResult } from '../../model/commands/common.ts';
import { reach } from '../../engine/index.ts';
import type { Explanation } from '../../engine/types.ts';
import type { Finding, LintRule } from '../types.ts';
import { makeFinding, quickFix, resourceTarget } from '../finding.ts';

const ID = 'design-alb-target-unreachable';

const isSg = (e: Explanation) => e.code === 'ENI_SG_RULES_MISMATCH' || e.code === 'SG_HAS_NO_RULES';

/** The ports the balancer uses for a target: traffic, and health check when it differs. */
function portsFor(tg: TargetGroup, port: number): Array<{ port: number; role: string }> {
  const health = tg.healthCheckPort === 'traffic-port' ? port : tg.healthCheckPort;
  return health === port ? [{ port, role: 'target and health-check port' }] : [{ port, role: 'target port' }, { port: health, role: 'health-check port' }];
}

function repair(lb: LoadBalancer, target: Resource, port: number, blockers: Explanation[]) {
  const lbGroup = lb.enis[0]?.securityGroupIds[0];
  const targetGroup = target.enis[0]?.securityGroupIds[0];
  if (!lbGroup || !targetGroup) return undefined;
  const ingress = blockers.some((e) => isSg(e) && e.direction === 'ingress');
  const egress = blockers.some((e) => isSg(e) && e.direction === 'egress');
  if (!ingress && !egress) return undefined;
  const match = { protocol: 'tcp' as const, ports: { from: port, to: port } };
  const parts = [ingress ? `ingress tcp ${port} from the balancer's group` : '', egress ? `egress tcp ${port} to the target's group` : ''].filter(Boolean);
  return quickFix(`Add ${parts.join(' and ')}`, (d: Design): CommandResult => {
    let cur: CommandResult = { ok: true, value: d };
    if (ingress && cur.ok) cur = addRule(cur.value, targetGroup, 'ingress', { match, peer: { kind: 'security-group', groupId: lbGroup }, description: `from ${lb.name} (target group port)` });
    if (egress && cur.ok) cur = addRule(cur.value, lbGroup, 'egress', { match, peer: { kind: 'security-group', groupId: targetGroup }, description: `to ${target.name} targets` });
    return cur;
  });
}

export const albTargetUnreachable: LintRule = {
  id: ID,
  title: 'Load balancer cannot reach or health-check its targets',
  severity: 'high',
  anchors: [],
  family: 'design',
  check(ctx) {
    const d = ctx.design;
    const out: Finding[] = [];
    for (const lb of Object.values(d.resources)) {
      if (lb.kind !== 'load-balancer') continue;
      for (const tg of lb.targetGroups) {
        for (const t of tg.targets) {
          const target = d.resources[t.resourceId];
          if (!target || target.enis.length === 0 || target.kind === 'lambda') continue;
          for (const { port, role } of portsFor(tg, t.port ?? tg.port)) {
            const r = reach(d, { kind: 'resource', resourceId: lb.id }, { kind: 'resource', resourceId: target.id }, { protocol: 'tcp', port });
            if (r.verdict === 'reachable' || r.explanations.some((e) => e.code === 'ELB_INSTALLED_AZ_RESTRICTION')) continue;
            const first = r.explanations[0];
            const fix = repair(lb, target, port, r.explanations);
            out.push(
              makeFinding(albTargetUnreachable, {
                ids: [lb.id, tg.id, target.id, port],
                message: `${lb.name} cannot reach ${target.name} on tcp ${port} (${role} of ${tg.name}): ${first?.message ?? 'blocked'}`,
                risk: role.includes('health')
                  ? `Health checks fail, so the balancer marks ${target.name} unhealthy and stops sending it traffic: an outage of that target.`
                  : `Requests forwarded to ${target.name} time out, so clients get 502/504 errors.`,
                fix: first && isSg(first)
                  ? `Admit tcp ${port} from the balancer's security group in ${target.name}'s group, and allow tcp ${port} out to it in the balancer's group.`
                  : `Open tcp ${port} between the balancer's subnets and ${target.name}'s subnet (NACLs both ways, ephemeral replies included) and check the routes.`,
                targets: [{ kind: 'load-balancer', resourceId: lb.id, targetGroupId: tg.id }, resourceTarget(target.id)],
                resourceIds: [lb.id, target.id],
                ...(fix ? { quickFix: fix } : {}),
              }),
            );
          }
        }
      }
    }
    return out;
  },
};

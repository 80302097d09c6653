/**
 * elbv2 describe-target-groups, describe-target-health and describe-listeners, attached to the
 * application load balancers already imported. Listeners forward (DefaultActions) to target
 * groups; targets are resources found by instance id, private IP or function ARN.
 */
import type { Listener, LoadBalancer, Target, TargetGroup } from '../../model/types.ts';
import type { Cursor } from './cursor.ts';
import type { DraftResource, ImportContext } from './context.ts';
import { arnResource } from './arn.ts';

type DraftLoadBalancer = Extract<DraftResource, { kind: 'load-balancer' }>;
const HTTP = new Set(['HTTP', 'HTTPS']);

function loadBalancer(arn: string | undefined, ctx: ImportContext): DraftLoadBalancer | undefined {
  const id = arn ? ctx.loadBalancersByArn.get(arn) : undefined;
  const r = id ? ctx.resources.get(id) : undefined;
  return r?.kind === 'load-balancer' ? r : undefined;
}

/** Resource ids by the private IPs of their ENIs (the first resource wins). */
function addressIndex(ctx: ImportContext): Map<string, string> {
  const index = new Map<string, string>();
  for (const r of ctx.resources.values()) {
    for (const e of r.enis) for (const ip of e.privateIps) if (!index.has(ip)) index.set(ip, r.id);
  }
  return index;
}

/** The resource a target names: an instance id, a Lambda ARN, or a private IP of some resource's ENI. */
function targetResource(targetId: string, ctx: ImportContext, byAddress: Map<string, string>): string | undefined {
  if (ctx.resources.has(targetId)) return targetId;
  if (targetId.startsWith('arn:') && targetId.includes(':function:')) {
    const name = targetId.split(':function:')[1]?.split(':')[0];
    return name && ctx.resources.has(name) ? name : undefined;
  }
  return byAddress.get(targetId);
}

function readTargets(health: Array<{ targetGroupArn: string | undefined; item: Cursor }>, ctx: ImportContext): Map<string, Cursor[]> {
  const byGroup = new Map<string, Cursor[]>();
  for (const { targetGroupArn, item } of health) {
    const arn = item.optionalId('TargetGroupArn') ?? targetGroupArn;
    if (!arn) {
      ctx.warn('import/target-health-unnamed', 'target health without a TargetGroupArn (the collector adds one at the top of each file) cannot be matched to a target group; it was left out.', item);
      continue;
    }
    byGroup.set(arn, [...(byGroup.get(arn) ?? []), item]);
  }
  return byGroup;
}

function readTargetGroup(item: Cursor, arn: string, targets: Cursor[], ctx: ImportContext, byAddress: Map<string, string>): TargetGroup | undefined {
  const id = arnResource(arn);
  const protocol = item.str('Protocol');
  const port = item.int('Port');
  if (!protocol || !HTTP.has(protocol) || port === undefined || port < 1 || port > 65535) {
    ctx.warn('import/target-group-dropped', `target group ${id} (${item.str('TargetType') ?? 'instance'} targets, ${protocol ?? 'no protocol'} ${port ?? ''}) is not an HTTP/HTTPS group with a port; it was left out.`, item, id);
    return undefined;
  }
  const hc = item.str('HealthCheckPort');
  let healthCheckPort: TargetGroup['healthCheckPort'] = 'traffic-port';
  if (hc && hc !== 'traffic-port') {
    const n = Number(hc);
    if (Number.isInteger(n) && n >= 1 && n <= 65535) healthCheckPort = n;
    else ctx.warn('import/health-check-port', `health check port "${hc}" is not a port; traffic-port was used.`, item.at('HealthCheckPort'), id);
  }
  const list: Target[] = [];
  for (const t of targets) {
    const target = t.obj('Target');
    const targetId = target?.optionalId('Id');
    if (!target || !targetId) continue;
    const resourceId = targetResource(targetId, ctx, byAddress);
    if (!resourceId) {
      ctx.warn('import/unknown-target', `target ${targetId} of ${id} is not a resource in the bundle; it was left out.`, t, id);
      continue;
    }
    const targetPort = target.int('Port');
    const entry: Target = { resourceId, ...(targetPort !== undefined && targetPort !== port && targetPort >= 1 && targetPort <= 65535 ? { port: targetPort } : {}) };
    if (!list.some((x) => x.resourceId === entry.resourceId && x.port === entry.port)) list.push(entry);
  }
  return { id, name: item.str('TargetGroupName')?.trim() || id, protocol: protocol as TargetGroup['protocol'], port, healthCheckPort, targets: list };
}

/** The target group ARN a listener's default actions forward to (the first forward, by Order). */
function forwardTarget(listener: Cursor, id: string, ctx: ImportContext): string | undefined {
  const actions = listener.objects('DefaultActions').sort((a, b) => (a.int('Order') ?? 0) - (b.int('Order') ?? 0));
  for (const action of actions) {
    if (action.str('Type') !== 'forward') continue;
    const direct = action.optionalId('TargetGroupArn');
    const weighted = action.obj('ForwardConfig')?.objects('TargetGroups') ?? [];
    if (weighted.length > 1) ctx.warn('import/weighted-forward', `listener ${id} forwards to ${weighted.length} target groups; only the first is modelled.`, action, id);
    return direct ?? weighted[0]?.optionalId('TargetGroupArn');
  }
  return undefined;
}

/** Attaches target groups (with their targets) and listeners to the imported application load balancers. */
export function importListeners(
  groups: Cursor[],
  health: Array<{ targetGroupArn: string | undefined; item: Cursor }>,
  listeners: Cursor[],
  ctx: ImportContext,
): void {
  const targets = readTargets(health, ctx);
  const byAddress = addressIndex(ctx);
  const byArn = new Map<string, TargetGroup>();
  for (const item of groups) {
    const arn = item.id('TargetGroupArn');
    const lbs = item.list('LoadBalancerArns').flatMap((a) => (typeof a.value === 'string' ? (loadBalancer(a.value, ctx) ?? []) : []));
    if (lbs.length === 0) continue; // belongs to a network load balancer or to nothing
    const group = readTargetGroup(item, arn, targets.get(arn) ?? [], ctx, byAddress);
    if (!group) continue;
    byArn.set(arn, group);
    for (const lb of lbs) attach(lb, group);
  }
  for (const item of listeners) {
    const arn = item.optionalId('ListenerArn');
    const lbArn = item.optionalId('LoadBalancerArn');
    const lb = loadBalancer(lbArn, ctx);
    if (!lb) continue; // a listener of a load balancer that was not imported
    const id = arn ? arnResource(arn) : `${lb.id}-listener-${item.path.at(-1)}`;
    const protocol = item.str('Protocol');
    const port = item.int('Port');
    if (!protocol || !HTTP.has(protocol) || port === undefined || port < 1 || port > 65535) {
      ctx.warn('import/listener-dropped', `listener ${id} (${protocol ?? 'no protocol'} ${port ?? ''}) is not HTTP/HTTPS on a port; it was left out.`, item, lb.id);
      continue;
    }
    const tgArn = forwardTarget(item, id, ctx);
    const group = tgArn ? byArn.get(tgArn) : undefined;
    if (!group) {
      ctx.warn(
        'import/listener-dropped',
        tgArn
          ? `listener ${id} forwards to target group ${arnResource(tgArn)}, which describe-target-groups does not give; it was left out.`
          : `listener ${id} (${protocol} ${port}) does not forward to a target group (redirect or fixed response); it was left out though it still accepts connections on port ${port}.`,
        item,
        lb.id,
      );
      continue;
    }
    attach(lb, group);
    const listener: Listener = { id, protocol: protocol as Listener['protocol'], port, targetGroupId: group.id };
    if (!lb.listeners.some((l) => l.id === id)) lb.listeners.push(listener);
  }
}

function attach(lb: Pick<LoadBalancer, 'targetGroups'>, group: TargetGroup): void {
  if (!lb.targetGroups.some((g) => g.id === group.id)) lb.targetGroups.push({ ...group, targets: [...group.targets] });
}

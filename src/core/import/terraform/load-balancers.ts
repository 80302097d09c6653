/**
 * Load balancers, listeners, target groups and their attachments as elbv2 describe items.
 * describe-target-groups names the load balancers a group serves; Terraform records that on
 * the listeners (and listener rules), so it is gathered from them.
 */
import type { Cursor } from '../aws/cursor.ts';
import { made, traced, type Item } from '../translate/writer.ts';
import { Translation, block, blocks, elements, isSet, tagList, text, value } from './context.ts';
import { functionName } from './compute.ts';
import { idOf } from './network.ts';
import type { TfResource } from './resources.ts';

const LBS = ['aws_lb', 'aws_alb'];
const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'];
const TARGET_GROUPS = ['aws_lb_target_group', 'aws_alb_target_group'];

/** The ARN an input uses for a load balancer, listener or target group (its id where it has no arn). */
const arnOf = (r: TfResource): string => text(r.values.at('arn')) ?? r.id;
const arnValue = (r: TfResource) => (isSet(r.values.at('arn')) ? traced(r.values.at('arn')) : idOf(r));

/** Target groups an action forwards to: `target_group_arn`, or the weighted `forward` block's groups. */
function forwardedGroups(action: Cursor): string[] {
  const direct = text(action.at('target_group_arn'));
  const forward = block(action.at('forward'));
  const weighted = forward ? blocks(forward.at('target_group')).flatMap((g) => text(g.at('arn')) ?? []) : [];
  return [...(direct ? [direct] : []), ...weighted];
}

function loadBalancers(tr: Translation): void {
  for (const r of tr.of(...LBS)) {
    const v = r.values;
    const subnets = [...elements(tr.attr(r, 'subnets')), ...blocks(v.at('subnet_mapping')).map((m) => value(m.at('subnet_id')))];
    const unique = subnets.filter((s, i) => s.value !== undefined && subnets.findIndex((o) => o.value === s.value) === i);
    tr.emit(r, 'LoadBalancers', {
      LoadBalancerArn: arnValue(r),
      LoadBalancerName: value(v.at('name')),
      Type: isSet(v.at('load_balancer_type')) ? traced(v.at('load_balancer_type')) : made('application', v),
      Scheme: made(v.bool('internal') === true ? 'internal' : 'internet-facing', v.at('internal')),
      SecurityGroups: elements(tr.attr(r, 'security_groups')),
      AvailabilityZones: unique.map((s) => ({ SubnetId: s })),
      Tags: tagList(v),
    });
  }
}

function listeners(tr: Translation): void {
  for (const r of tr.of(...LISTENERS)) {
    const v = r.values;
    tr.emit(r, 'Listeners', {
      ListenerArn: arnValue(r),
      LoadBalancerArn: value(tr.attr(r, 'load_balancer_arn')),
      // The provider's default for an application load balancer.
      Protocol: isSet(v.at('protocol')) ? traced(v.at('protocol')) : made('HTTP', v),
      Port: value(tr.attr(r, 'port')),
      DefaultActions: blocks(tr.attr(r, 'default_action')).map((a) => {
        const forwarded = forwardedGroups(a);
        return {
          Type: value(a.at('type')),
          Order: value(a.at('order')),
          TargetGroupArn: isSet(a.at('target_group_arn')) ? traced(a.at('target_group_arn')) : undefined,
          ForwardConfig: forwarded.length > 0 && !isSet(a.at('target_group_arn')) ? { TargetGroups: forwarded.map((arn) => ({ TargetGroupArn: made(arn, a.at('forward')) })) } : undefined,
        };
      }),
    });
  }
}

/** Load balancer ARNs each target group serves, from listeners' default actions and listener rules. */
function servedBy(tr: Translation): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const note = (group: string, lb: string | undefined): void => {
    if (!lb) return;
    const set = out.get(group) ?? new Set<string>();
    set.add(lb);
    out.set(group, set);
  };
  const lbOfListener = new Map<string, string | undefined>();
  for (const l of tr.of(...LISTENERS)) {
    const lb = text(l.values.at('load_balancer_arn'));
    for (const k of [arnOf(l), l.id, l.address]) lbOfListener.set(k, lb);
    for (const a of blocks(l.values.at('default_action'))) for (const g of forwardedGroups(a)) note(g, lb);
  }
  for (const rule of tr.of('aws_lb_listener_rule', 'aws_alb_listener_rule')) {
    const lb = lbOfListener.get(text(rule.values.at('listener_arn')) ?? '');
    for (const a of blocks(rule.values.at('action'))) for (const g of forwardedGroups(a)) note(g, lb);
  }
  return out;
}

function targetGroups(tr: Translation): void {
  const served = servedBy(tr);
  for (const r of tr.of(...TARGET_GROUPS)) {
    const v = r.values;
    const lbs = new Set([...elements(v.at('load_balancer_arns')).map((a) => String(a.value)), ...(served.get(arnOf(r)) ?? []), ...(served.get(r.address) ?? [])]);
    tr.emit(r, 'TargetGroups', {
      TargetGroupArn: arnValue(r),
      TargetGroupName: value(v.at('name')),
      Protocol: value(v.at('protocol')),
      Port: value(v.at('port')),
      TargetType: value(v.at('target_type')),
      HealthCheckPort: value(block(v.at('health_check'))?.at('port') ?? v.at('health_check_port')),
      LoadBalancerArns: [...lbs].map((arn) => made(arn, v)),
    });
  }
}

/** The target id the bundle resolves: instances by id, functions by an ARN naming them, addresses as they are. */
function targetId(tr: Translation, at: Cursor): Item[string] {
  const id = text(at);
  const fn = tr.find(id, 'aws_lambda_function');
  if (fn) return made(text(fn.values.at('arn')) ?? `arn:aws:lambda:::function:${functionName(fn)}`, at);
  return value(at);
}

function attachments(tr: Translation): void {
  for (const r of tr.of('aws_lb_target_group_attachment', 'aws_alb_target_group_attachment')) {
    const v = r.values;
    const group = tr.find(text(tr.attr(r, 'target_group_arn')), ...TARGET_GROUPS);
    if (!group) {
      tr.warn('import/terraform-owner-missing', `${r.address} attaches a target to group ${text(v.at('target_group_arn')) ?? '(none)'}, which is not in the Terraform input; it was left out.`, r.at);
      continue;
    }
    tr.writer(r.at.file).add(
      'TargetHealthDescriptions',
      { TargetGroupArn: made(arnOf(group), v.at('target_group_arn')), Target: { Id: targetId(tr, tr.attr(r, 'target_id')), Port: value(v.at('port')) } },
      { file: v.file, path: v.where },
    );
  }
}

/** Writes load balancers, listeners, target groups and their targets into the bundle. */
export function translateLoadBalancers(tr: Translation): void {
  loadBalancers(tr);
  listeners(tr);
  targetGroups(tr);
  attachments(tr);
}

export const LOAD_BALANCER_TYPES = [...LBS, ...LISTENERS, ...TARGET_GROUPS, 'aws_lb_target_group_attachment', 'aws_alb_target_group_attachment', 'aws_lb_listener_rule', 'aws_alb_listener_rule'];

/** A reach answer for people (one line per hop, names before ids) and for machines (JSON). */
import type { ComponentType, Explanation, Hop, ReachResult } from '../core/engine/types.ts';

const TYPE_LABEL: Record<ComponentType, string> = {
  internet: 'Internet',
  'external-network': 'external network',
  resource: 'resource',
  'network-interface': 'network interface',
  'security-group': 'security group',
  'network-acl': 'network ACL',
  'route-table': 'route table',
  'internet-gateway': 'internet gateway',
  'nat-gateway': 'NAT gateway',
  peering: 'peering connection',
  'load-balancer': 'load balancer',
  listener: 'listener',
  'target-group': 'target group',
};

/** "name (id)"; the name alone when it already says the id, the id alone when there is no other name. */
export function componentLabel(name: string, id: string): string {
  if (!name || name.toLowerCase() === id.toLowerCase()) return id === 'internet' ? 'Internet' : id;
  return name.includes(`(${id}`) ? name : `${name} (${id})`;
}

/** A list for one line: long ones (an Internet minus a few hosts is dozens of CIDRs) end in a count. */
export function shortList(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more (--format json lists them all)`;
}

function facets(type: ComponentType, direction: string | undefined, extra: string[] = []): string {
  return `[${[TYPE_LABEL[type], ...(direction ? [direction] : []), ...extra].join(', ')}]`;
}

function hopLine(hop: Hop, index: number, width: number): string {
  const number = `${index + 1}.`.padStart(width + 1);
  const detail = hop.detail ? `: ${hop.detail}` : '';
  return `  ${number} ${componentLabel(hop.name, hop.componentId)} ${facets(hop.componentType, hop.direction)}${detail}`;
}

function explanationLine(e: Explanation, first: boolean): string {
  const extra = [...(e.path === 'return' ? ['return path'] : []), ...(e.ruleNumber !== undefined ? [`rule ${e.ruleNumber}`] : [])];
  const where = `${componentLabel(e.componentName, e.componentId)} ${facets(e.componentType, e.direction, extra)}`;
  return `${first ? 'blocked by' : 'also blocked by'} ${where}: ${e.code}: ${e.message}`;
}

/** The text form: a verdict line naming the question, the hops, then why it is blocked or what gets through. */
export function formatReachText(result: ReachResult, question: { from: string; to: string; traffic: string }): string {
  const lines = [`${result.verdict}: ${question.from} -> ${question.to}, ${question.traffic}`];
  if (result.path.length > 0) {
    const width = String(result.path.length).length;
    lines.push('path:', ...result.path.map((hop, i) => hopLine(hop, i, width)));
  }
  result.explanations.forEach((e, i) => lines.push(explanationLine(e, i === 0)));
  const admitted = result.admitted;
  if (admitted?.traffic) lines.push(`gets through: ${admitted.traffic}`);
  if (admitted?.sources?.length) lines.push(`only from: ${shortList(admitted.sources)}`);
  if (admitted?.returnPorts) lines.push(`return ports that pass: ${admitted.returnPorts}`);
  return `${lines.join('\n')}\n`;
}

function hopJson(hop: Hop): Record<string, unknown> {
  return omitUndefined({
    component: hop.componentId,
    type: hop.componentType,
    name: hop.name,
    direction: hop.direction,
    detail: hop.detail,
  });
}

function explanationJson(e: Explanation): Record<string, unknown> {
  return omitUndefined({
    code: e.code,
    component: e.componentId,
    type: e.componentType,
    name: e.componentName,
    direction: e.direction,
    leg: e.path,
    ruleNumber: e.ruleNumber,
    groups: e.groups,
    field: e.field,
    message: e.message,
  });
}

/** The JSON form: verdict, path and explanations (and what got through, when it is a part of what was asked). */
export function reachJson(result: ReachResult): Record<string, unknown> {
  return omitUndefined({
    verdict: result.verdict,
    path: result.path.map(hopJson),
    explanations: result.explanations.map(explanationJson),
    admitted: result.admitted,
  });
}

export function formatReachJson(result: ReachResult): string {
  return `${JSON.stringify(reachJson(result), null, 2)}\n`;
}

function omitUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

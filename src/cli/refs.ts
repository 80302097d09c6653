/**
 * What a REF on the command line names: a resource (by id, ENI id, ARN, Name tag, load balancer
 * name, DB identifier or function name), `internet`, an external network, or an address (the
 * resource that owns it, else a host outside at that address).
 */
import type { Design, Resource } from '../core/model/types.ts';
import type { Endpoint } from '../core/engine/types.ts';
import { cidrContainsAddress, parseAddress, parseCidr, type Address } from '../core/net/index.ts';
import { CliError } from './args.ts';

export interface ResolvedRef {
  endpoint: Endpoint;
  /** How to name it to people: name before id. */
  label: string;
}

interface Candidate {
  endpoint: Endpoint;
  label: string;
  /** Shown when the REF is ambiguous: kind and id. */
  detail: string;
}

/** Resolves a REF against a design; unknown or ambiguous REFs are a CliError that says what exists. */
export function resolveRef(design: Design, ref: string, option: string): ResolvedRef {
  const text = ref.trim();
  if (text === '') throw new CliError(`--${option} is empty: give a resource, an address, internet, or an external network.`);
  if (text.toLowerCase() === 'internet') return { endpoint: { kind: 'internet' }, label: 'Internet' };
  if (looksLikeAddress(text)) return resolveAddress(design, text, option);

  const byId = exactIdMatch(design, text);
  if (byId) return byId;

  let found = nameMatches(design, (n) => n === text);
  if (found.length === 0) found = nameMatches(design, (n) => n.toLowerCase() === text.toLowerCase());
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    const list = found.map((c) => `  ${c.label}: ${c.detail}`).join('\n');
    throw new CliError(`--${option} "${text}" is ambiguous; it names ${found.length} things:\n${list}\nGive one of their ids instead.`);
  }
  notAnEndpoint(design, text, option);
  throw new CliError(`--${option} "${text}" matches no resource, address or network in the design.${known(design)}`);
}

function looksLikeAddress(text: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){1,3}$/.test(text) || (/^[0-9a-fA-F:.]+$/.test(text) && text.includes(':'));
}

function resolveAddress(design: Design, text: string, option: string): ResolvedRef {
  const parsed = parseAddress(text);
  if (!parsed.ok) throw new CliError(`--${option}: ${parsed.error.message}.`);
  const address = parsed.value;
  const same = (candidate: string | undefined): boolean => {
    if (candidate === undefined) return false;
    const p = parseAddress(candidate);
    return p.ok && p.value.family === address.family && p.value.value === address.value;
  };
  for (const resource of Object.values(design.resources)) {
    for (const eni of resource.enis) {
      if (eni.privateIps.some(same) || same(eni.publicIp) || eni.ipv6Ips.some(same)) {
        return { endpoint: { kind: 'resource', resourceId: resource.id, eniId: eni.id }, label: `${nameOf(resource)} at ${address.text}` };
      }
    }
  }
  // A NAT gateway is no resource, but the engine answers for it (it admits nothing initiated toward it).
  for (const nat of Object.values(design.natGateways)) {
    if (same(nat.publicIp) || same(nat.privateIp)) {
      return { endpoint: { kind: 'resource', resourceId: nat.id }, label: `NAT gateway ${labelOf(nat.name, nat.id)} (${address.text})` };
    }
  }
  for (const vpc of Object.values(design.vpcs)) {
    if ([...vpc.cidrs, ...vpc.ipv6Cidrs].some((c) => inCidr(c, address))) {
      throw new CliError(
        `--${option} ${address.text} is inside VPC ${labelOf(vpc.name, vpc.id)}, but no network interface in the design has that address.`,
      );
    }
  }
  for (const network of Object.values(design.externalNetworks)) {
    if (network.kind === 'cidr' && network.cidrs.some((c) => inCidr(c, address))) {
      return { endpoint: { kind: 'external', externalNetworkId: network.id, address: address.text }, label: `${network.name} host ${address.text}` };
    }
  }
  return { endpoint: { kind: 'internet', address: address.text }, label: `Internet host ${address.text}` };
}

function inCidr(cidr: string, address: Address): boolean {
  const parsed = parseCidr(cidr);
  return parsed.ok && cidrContainsAddress(parsed.value, address);
}

/** Ids are unique, so an id match is final: resource id, ENI id, load balancer ARN, external network id. */
function exactIdMatch(design: Design, text: string): ResolvedRef | undefined {
  const resource = design.resources[text];
  if (resource) return { endpoint: { kind: 'resource', resourceId: resource.id }, label: nameOf(resource) };
  for (const r of Object.values(design.resources)) {
    if (r.kind === 'load-balancer' && r.arn === text) return { endpoint: { kind: 'resource', resourceId: r.id }, label: nameOf(r) };
    const eni = r.enis.find((e) => e.id === text);
    if (eni) return { endpoint: { kind: 'resource', resourceId: r.id, eniId: eni.id }, label: `${nameOf(r)} at ${eni.id}` };
  }
  const network = design.externalNetworks[text];
  if (network) return externalRef(network.id, network.name, network.kind);
  const nat = design.natGateways[text];
  if (nat) return { endpoint: { kind: 'resource', resourceId: nat.id }, label: `NAT gateway ${labelOf(nat.name, nat.id)}` };
  return undefined;
}

/** A REF naming a subnet, group, VPC… by id is a mistake worth a sentence of its own (throws when it is one). */
function notAnEndpoint(design: Design, text: string, option: string): void {
  const places: Array<[Record<string, { id: string; name: string }>, string]> = [
    [design.vpcs, 'VPC'],
    [design.subnets, 'subnet'],
    [design.securityGroups, 'security group'],
    [design.routeTables, 'route table'],
    [design.networkAcls, 'network ACL'],
    [design.internetGateways, 'internet gateway'],
    [design.peerings, 'peering connection'],
  ];
  for (const [records, kind] of places) {
    const hit = records[text];
    if (hit) {
      throw new CliError(
        `--${option} ${text} is a ${kind} (${hit.name}); a flow starts or ends at a resource, an address, internet, or an external network.`,
      );
    }
  }
}

function nameMatches(design: Design, matches: (name: string) => boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const r of Object.values(design.resources)) {
    if (namesOf(r).some(matches)) {
      out.push({ endpoint: { kind: 'resource', resourceId: r.id }, label: nameOf(r), detail: `${r.kind} ${r.id}` });
    }
  }
  for (const n of Object.values(design.externalNetworks)) {
    if (matches(n.name)) out.push({ ...externalRef(n.id, n.name, n.kind), detail: `external network ${n.id}` });
  }
  return out;
}

/** Every name a resource answers to: its name, Name tag, and a load balancer's own name (from its ARN). */
function namesOf(r: Resource): string[] {
  const names = [r.name];
  const tag = r.tags?.Name;
  if (tag) names.push(tag);
  if (r.kind === 'load-balancer') {
    const lbName = /(?:^|\/)(?:app|net)\/([^/]+)\/[^/]+$/.exec(r.arn ?? r.id)?.[1];
    if (lbName) names.push(lbName);
  }
  return [...new Set(names)];
}

function externalRef(id: string, name: string, kind: 'internet' | 'cidr'): ResolvedRef {
  return kind === 'internet'
    ? { endpoint: { kind: 'internet' }, label: 'Internet' }
    : { endpoint: { kind: 'external', externalNetworkId: id }, label: name };
}

function nameOf(r: Resource): string {
  return labelOf(r.name, r.id);
}

function labelOf(name: string, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

function known(design: Design): string {
  const names = [
    ...Object.values(design.resources).map((r) => r.name || r.id),
    ...Object.values(design.externalNetworks).map((n) => n.name),
  ];
  if (names.length === 0) return ' The design has no resources.';
  const shown = names.slice(0, 12).join(', ');
  return ` Known: ${shown}${names.length > 12 ? `, and ${names.length - 12} more` : ''}; or internet, or an IP address.`;
}

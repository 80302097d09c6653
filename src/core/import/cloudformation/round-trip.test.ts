/**
 * Export, then import: every built-in template written by exportCloudFormation and read back gives
 * the same groups and rules (by name) and the same reachability, between resources and from the
 * Internet, as the design it was written from.
 */
import { describe, expect, it } from 'vitest';
import { reach, reachMatrix } from '../../engine/index.ts';
import { exportCloudFormation } from '../../export/cloudformation/index.ts';
import type { Design, SecurityGroupRule } from '../../model/types.ts';
import { TEMPLATES } from '../../templates/index.ts';
import { importCloudFormation } from './index.ts';

/** Groups are known by name; a VPC's default group by its VPC's name. */
const groupName = (d: Design, id: string): string => {
  const g = d.securityGroups[id];
  if (!g) return `unknown:${id}`;
  return g.isDefault ? `default of ${d.vpcs[g.vpcId]?.name ?? g.vpcId}` : g.name;
};

function ruleText(d: Design, direction: string, r: SecurityGroupRule): string {
  const p = r.peer;
  const peer = p.kind === 'cidr' ? p.cidr : p.kind === 'security-group' ? `group ${groupName(d, p.groupId)}` : `prefix list ${d.prefixLists[p.prefixListId]?.name ?? p.prefixListId}`;
  return `${direction} ${JSON.stringify(r.match)} ${peer}`;
}

function groupsAndRules(d: Design): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of Object.values(d.securityGroups)) {
    out[groupName(d, g.id)] = [...g.ingress.map((r) => ruleText(d, 'ingress', r)), ...g.egress.map((r) => ruleText(d, 'egress', r))].sort();
  }
  return out;
}

const matrix = (d: Design): string[] =>
  reachMatrix(d)
    .reachable.map((p) => `${d.resources[p.from]!.name} -> ${d.resources[p.to]!.name}: ${p.traffic}`)
    .sort();

const PORTS = [22, 80, 443, 3306, 5432, 8080];

const fromInternet = (d: Design): string[] =>
  Object.values(d.resources).flatMap((r) => PORTS.map((port) => `${r.name} tcp ${port}: ${reach(d, { kind: 'internet' }, { kind: 'resource', resourceId: r.id }, { protocol: 'tcp', port }).verdict}`)).sort();

describe('CloudFormation export, imported back', () => {
  for (const template of TEMPLATES) {
    describe(template.title, () => {
      const original = template.build();
      const text = exportCloudFormation(original);
      const r = importCloudFormation([{ name: `${template.id}.yaml`, text }]);
      const imported = r.ok ? r.value.design : undefined;

      it('imports without error', () => {
        expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toBe('ok');
      });

      it('gives the same groups with the same rules', () => {
        expect(groupsAndRules(imported!)).toEqual(groupsAndRules(original));
      });

      it('gives the same resources and the same reachability between them', () => {
        expect(Object.values(imported!.resources).map((x) => [x.name, x.kind]).sort()).toEqual(Object.values(original.resources).map((x) => [x.name, x.kind]).sort());
        expect(matrix(imported!)).toEqual(matrix(original));
      });

      it('gives the same verdicts from the Internet', () => {
        expect(fromInternet(imported!)).toEqual(fromInternet(original));
      });
    });
  }
});

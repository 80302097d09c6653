/**
 * Security-group references: groups named only by name (EC2-Classic) are resolved by name; rules
 * that reference groups or prefix lists the bundle lacks keep the reference (AWS calls such a
 * reference stale) with a warning; ENIs that carry a group the bundle lacks get a stand-in group
 * with no rules, so membership is not lost.
 */
import type { SecurityGroup } from '../../model/types.ts';
import type { GroupRef, ImportContext } from './context.ts';
import { EC2_CLASSIC_VPC } from './security-groups.ts';

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Resolves group references once every group of the bundle is known. */
export class GroupResolver {
  private readonly byName = new Map<string, SecurityGroup[]>();
  private readonly warned = new Set<string>();

  constructor(private readonly ctx: ImportContext) {
    for (const g of ctx.securityGroups.values()) this.byName.set(g.name, [...(this.byName.get(g.name) ?? []), g]);
  }

  /**
   * The group of this name in the given VPC, else an EC2-Classic one, else the only group of that
   * name anywhere. Never another VPC's group when several share the name (every VPC has a "default").
   */
  named(name: string, vpcId: string | undefined): SecurityGroup | undefined {
    const found = this.byName.get(name) ?? [];
    return found.find((g) => g.vpcId === vpcId) ?? found.find((g) => g.vpcId === EC2_CLASSIC_VPC) ?? (found.length === 1 ? found[0] : undefined);
  }

  /** The id an ENI's group reference stands for; a stand-in group is made when the bundle lacks it. */
  eniGroup(ref: GroupRef, vpcId: string | undefined, eniId: string): string | undefined {
    if (ref.id && this.ctx.securityGroups.has(ref.id)) return ref.id;
    if (!ref.id && ref.name) {
      const g = this.named(ref.name, vpcId);
      if (g) return g.id;
    }
    const id = ref.id ?? ref.name;
    if (!id) return undefined;
    if (RESERVED.has(id)) {
      this.ctx.warn('import/group-dropped', `interface ${eniId} names a group "${id}", which cannot be an id; it was left out.`, undefined, eniId);
      return undefined;
    }
    const name = ref.name ?? id;
    this.ctx.securityGroups.set(id, {
      id,
      name,
      description: 'Stand-in: this group is not in the bundle, so its rules are unknown',
      vpcId: vpcId ?? EC2_CLASSIC_VPC,
      isDefault: name === 'default',
      ingress: [],
      egress: [],
    });
    this.ctx.warn(
      'import/stand-in-group',
      `security group ${id}${ref.name && ref.name !== id ? ` (${ref.name})` : ''} is on interface ${eniId} but not in describe-security-groups output; a stand-in without rules was made. Add the group's describe output to know what it allows.`,
      undefined,
      id,
    );
    return id;
  }

  /** Resolves name-only peers and warns (once per id) about peers the bundle does not hold. */
  checkRulePeers(): void {
    for (const group of this.ctx.securityGroups.values()) {
      for (const rule of [...group.ingress, ...group.egress]) {
        const peer = rule.peer;
        if (peer.kind === 'prefix-list') {
          if (!this.ctx.prefixLists.has(peer.prefixListId)) {
            this.once(peer.prefixListId, 'import/unknown-prefix-list', `prefix list ${peer.prefixListId} is referenced by security group rules but not in the bundle; the references were kept, but the CIDRs behind them are unknown.`);
          }
          continue;
        }
        if (peer.kind !== 'security-group') continue;
        if (peer.groupId === '') {
          const name = peer.groupName ?? '';
          const found = this.named(name, group.vpcId);
          peer.groupId = found?.id ?? name;
          if (!found) {
            this.once(`name:${name}`, 'import/unresolved-group', `security group "${name}" is referenced by name only and is not in the bundle; its name was kept as its id.`);
          }
          continue;
        }
        if (!this.ctx.securityGroups.has(peer.groupId)) {
          const where = peer.ownerId ? ` of account ${peer.ownerId}` : peer.peeringId ? ` across peering ${peer.peeringId}` : '';
          this.once(peer.groupId, 'import/unknown-group-reference', `security group ${peer.groupId}${peer.groupName ? ` (${peer.groupName})` : ''}${where} is referenced by rules of ${group.id} but not in the bundle; the reference was kept.`);
        }
      }
    }
  }

  private once(key: string, code: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.ctx.warn(code, message, undefined, key.replace(/^name:/, ''));
  }
}

/**
 * A small builder for the built-in templates: each step runs the palette's placement or a model
 * command, so a template is exactly what a person could have drawn. A refused step is a bug in
 * the template, so it throws (the template tests run every one).
 */
import type { Design, ModelError, Result, RuleInput } from '../../core/model/index.ts';
import { addRule, addSecurityGroup, attachGroup, emptyDesign, newId, routeTableOf, setRoute } from '../../core/model/index.ts';
import type { PaletteItemKind } from '../placement/catalogue.ts';
import { placeItem, type PlacementTarget } from '../placement/place.ts';

export class Recipe {
  private d: Design;

  constructor(name: string) {
    this.d = emptyDesign(name);
  }

  private run(result: Result<Design, ModelError>): void {
    if (!result.ok) throw new Error(`template step refused: ${result.error.message}`);
    this.d = result.value;
  }

  /** Places a palette item; returns the new entity's id. */
  place(kind: PaletteItemKind, target: PlacementTarget = {}): string {
    const placed = placeItem(this.d, kind, target);
    if (!placed.ok) throw new Error(`template step refused: ${placed.error.message}`);
    this.d = placed.value.design;
    return placed.value.id;
  }

  group(vpcId: string, name: string, description: string): string {
    const id = newId(this.d, 'securityGroups');
    this.run(addSecurityGroup(this.d, { id, vpcId, name, description }));
    return id;
  }

  allow(groupId: string, ports: number, from: { cidr: string } | { group: string }, description?: string): this {
    const peer = 'cidr' in from ? ({ kind: 'cidr', cidr: from.cidr } as const) : ({ kind: 'security-group', groupId: from.group } as const);
    const input: RuleInput = { match: { protocol: 'tcp', ports: { from: ports, to: ports } }, peer, ...(description ? { description } : {}) };
    this.run(addRule(this.d, groupId, 'ingress', input));
    return this;
  }

  attach(resourceId: string, ...groupIds: string[]): this {
    for (const g of groupIds) this.run(attachGroup(this.d, resourceId, g));
    return this;
  }

  /** Sends a subnet's Internet-bound traffic through a NAT gateway (on the table the subnet uses). */
  natRoute(subnetId: string, natId: string): this {
    const table = routeTableOf(this.d, this.d.subnets[subnetId]!);
    if (!table) throw new Error('template step refused: the subnet has no route table');
    this.run(setRoute(this.d, table.id, { destination: { cidr: '0.0.0.0/0' }, target: { kind: 'nat-gateway', id: natId } }));
    return this;
  }

  build(): Design {
    return this.d;
  }
}

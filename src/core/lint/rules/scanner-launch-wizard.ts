/** Groups created by the EC2 console's launch wizard: usually SSH or RDP from anywhere, made in a hurry. */
import type { LintRule } from '../types.ts';
import { groupTarget, makeFinding, membersOf } from '../finding.ts';

export const launchWizardGroup: LintRule = {
  id: 'sg-launch-wizard',
  title: 'Launch-wizard security group',
  severity: 'low',
  anchors: ['Prowler ec2_securitygroup_from_launch_wizard'],
  family: 'scanner',
  check(ctx) {
    const d = ctx.design;
    return Object.values(d.securityGroups).flatMap((g) => {
      if (!g.name.toLowerCase().includes('launch-wizard')) return [];
      const members = membersOf(d, g.id);
      return [
        makeFinding(this, {
          ids: [g.id],
          message: `${g.name} was created by the EC2 launch wizard (${g.ingress.length} inbound rules, ${members.length} members)`,
          risk: 'Launch-wizard groups are made in a hurry with defaults (SSH or RDP from anywhere) and tend to be reused for unrelated instances.',
          fix: 'Replace it with a named group for the role whose rules admit only what the role needs, then delete it.',
          targets: [groupTarget(g.id)],
          resourceIds: members.map((m) => m.id),
        }),
      ];
    });
  },
};

/** Checks a security-group name as people type it, before the model's command sees it. */
import { groupNameIssue, type Design } from '../../core/model/index.ts';

/** Why a new group name is refused in a VPC: AWS's naming rules, or a name the VPC already has. */
export function newGroupIssue(d: Design, vpcId: string, name: string): string | undefined {
  const bad = groupNameIssue(name, 'name');
  if (bad) return bad.message;
  if (Object.values(d.securityGroups).some((g) => g.vpcId === vpcId && g.name === name)) return `This VPC already has a group named "${name}".`;
  return undefined;
}

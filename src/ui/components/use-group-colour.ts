/** A group's colour in the open design (see groupColourIn); re-renders only when that colour changes. */
import { useStore } from '../store/index.ts';
import { groupColourIn, type GroupColour } from './group-colour.ts';

export function useGroupColour(groupId: string): GroupColour {
  return useStore((s) => groupColourIn(s.design.securityGroups, groupId));
}

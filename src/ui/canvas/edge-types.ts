/** Edge components by type, at module scope so React Flow never sees a new object. */
import type { EdgeTypes } from '@xyflow/react';
import { RuleEdge } from './edges/RuleEdge.tsx';
import { PathEdge } from './edges/PathEdge.tsx';

export const edgeTypes: EdgeTypes = { rule: RuleEdge, path: PathEdge };

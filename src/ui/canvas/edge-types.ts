/** Edge components by type, at module scope so React Flow never sees a new object. */
import type { EdgeTypes } from '@xyflow/react';
import { RuleEdge } from './edges/RuleEdge.tsx';

export const edgeTypes: EdgeTypes = { rule: RuleEdge };

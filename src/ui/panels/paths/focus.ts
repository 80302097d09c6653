/** Takes people to a thing the Paths panel names: selects it and, when it is a canvas node, centres it. */
import { designStore } from '../../store/index.ts';

export function focusOnCanvas(id: string): void {
  const s = designStore.getState();
  const d = s.design;
  if (id === 'internet') {
    const node = Object.values(d.externalNetworks).find((n) => n.kind === 'internet')?.id;
    if (node) focusOnCanvas(node);
    return;
  }
  s.select(id);
  const onCanvas = d.resources[id] || d.subnets[id] || d.vpcs[id] || d.externalNetworks[id] || d.internetGateways[id] || d.natGateways[id];
  if (onCanvas) s.requestCentre(id);
}

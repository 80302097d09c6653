/** How the Paths panel and the canvas name components and blockers: short, plain, the code kept beside. */
import type { ComponentType, ExplanationCode } from '../../../core/engine/index.ts';

export const COMPONENT_LABEL: Record<ComponentType, string> = {
  internet: 'Internet',
  'external-network': 'External network',
  resource: 'Resource',
  'network-interface': 'Network interface',
  'security-group': 'Security group',
  'network-acl': 'Network ACL',
  'route-table': 'Route table',
  'internet-gateway': 'Internet gateway',
  'nat-gateway': 'NAT gateway',
  peering: 'VPC peering',
  'load-balancer': 'Load balancer',
  listener: 'Listener',
  'target-group': 'Target group',
};

/** A few words for a canvas badge; the panel gives the full sentence and the code. */
export const BLOCKER_SHORT: Record<ExplanationCode, string> = {
  ENI_SG_RULES_MISMATCH: 'no rule admits it',
  SG_HAS_NO_RULES: 'group has no rules',
  SUBNET_ACL_RESTRICTION: 'network ACL denies',
  NO_ROUTE_TO_DESTINATION: 'no route',
  BAD_STATE_ROUTE: 'route not usable',
  IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS: 'no public IP',
  IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS: 'no public IP or NAT',
  NGW_REQUIRES_SOURCE_IN_VPC: 'NAT only serves its VPC',
  PCX_REQUIRES_ADDRESS_IN_VPC_CIDR: 'peering is not transitive',
  ELBV2_LISTENERS_MISMATCH: 'no listener on that port',
  ELB_INSTALLED_AZ_RESTRICTION: 'AZ not enabled',
  UNKNOWN_PEERED_SGS: 'unknown peer group',
  SG_REFERENCE_CROSS_REGION: 'reference across Regions',
  SG_REFERENCE_VIA_PUBLIC_IP: 'reference via public IP',
  NAT_NO_INBOUND: 'NAT takes no inbound',
  LAMBDA_NO_INBOUND: 'Lambda takes no inbound',
  PROTOCOL_RESTRICTION: 'protocol not carried',
  ELB_TARGET_NOT_REGISTERED: 'not a registered target',
  SAME_INTERFACE: 'same interface',
  NO_NETWORK_INTERFACE: 'no network interface',
  IGW_NOT_ATTACHED: 'no internet gateway',
  NO_PATH_BETWEEN_VPCS: 'no path between VPCs',
  ROUTE_TARGET_NOT_MODELLED: 'route target not modelled',
};

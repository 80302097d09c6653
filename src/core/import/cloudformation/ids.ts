/**
 * Ids as the importer writes them into the describe bundle it builds. Design ids are logical ids;
 * where the describe importer reads meaning into an id's shape (an internet gateway's `igw-`, an
 * ELB's ARN), the bundle carries a stand-in that finish.ts turns back into the logical id.
 */

/** Account of the stand-in ARNs: they never reach the design. */
const ACCOUNT = '000000000000';

/** route-tables.ts reads a route's GatewayId as an internet gateway only when it starts with `igw-`. */
export const internetGatewayBundleId = (id: string): string => `igw-${id}`;

/** arnResource (aws/arn.ts) gives back `id` for each of these. */
export const loadBalancerArn = (id: string): string => `arn:aws:elasticloadbalancing:stand-in:${ACCOUNT}:loadbalancer/${id}`;
export const targetGroupArn = (id: string): string => `arn:aws:elasticloadbalancing:stand-in:${ACCOUNT}:${id}`;
export const listenerArn = (id: string): string => `arn:aws:elasticloadbalancing:stand-in:${ACCOUNT}:${id}`;
/** listeners.ts finds a Lambda target by the name after `:function:`. */
export const lambdaArn = (id: string): string => `arn:aws:lambda:stand-in:${ACCOUNT}:function:${id}`;

/** Whether an ARN is one of the stand-ins above. */
export const isStandInArn = (arn: string | undefined): boolean => arn !== undefined && arn.split(':')[3] === 'stand-in';

/** A clearly marked id for something a parameter without a Default names. */
export const parameterPlaceholder = (name: string): string => `parameter:${name}`;

/** The VPC of a group that names none: AWS creates it in the Region's default VPC, which no template describes. */
export const DEFAULT_VPC_PLACEHOLDER = 'default-vpc';

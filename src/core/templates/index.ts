/** The built-in templates: common AWS architectures a workshop starts from, as data. */
import { albEc2 } from './alb-ec2.ts';
import { bastionHost } from './bastion-host.ts';
import { defaultGroupPostgres } from './default-group-postgres.ts';
import { lambdaRds } from './lambda-rds.ts';
import { peeredVpcs } from './peered-vpcs.ts';
import { privateDatabase } from './private-database.ts';
import { publicWebServer } from './public-web-server.ts';
import { threeTier } from './three-tier.ts';
import { twoTierMysql } from './two-tier-mysql.ts';
import type { Template } from './types.ts';

export type { Template } from './types.ts';
export { layOut, type LayoutPlan } from './layout.ts';

/** In menu order; the first opens on a first visit. */
export const TEMPLATES: readonly Template[] = [threeTier, twoTierMysql, defaultGroupPostgres, publicWebServer, privateDatabase, lambdaRds, albEc2, bastionHost, peeredVpcs];

/** The template a first visit opens. */
export const FIRST_VISIT_TEMPLATE = threeTier;

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

import type { Design } from '../model/index.ts';
import { allTraffic, type RuleSpec } from '../model/builder.ts';

/** A built-in architecture: what the Templates menu lists and what it opens. */
export interface Template {
  id: string;
  title: string;
  /** One line for the menu. */
  description: string;
  /** A fresh, valid, laid-out design each call. */
  build: () => Design;
}

/** Public documentation ranges (RFC 5737) for the outside networks the templates name. */
export const CORPNET = '203.0.113.0/24';
export const VENDORNET = '198.51.100.0/24';
export const ANYWHERE = '0.0.0.0/0';

/**
 * The egress AWS gives a new group (all traffic to 0.0.0.0/0), written out so that the rule carries
 * a description like every other rule of the templates.
 */
export function awsDefaultEgress(): RuleSpec[] {
  return [{ ...allTraffic(ANYWHERE), description: 'All traffic out: the AWS default for a new group' }];
}

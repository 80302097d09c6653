/** Shared matchers of the lint rules: world and public CIDRs, port lists, rule traffic, NACL order, real exposure, tiers. */
export * from './world.ts';
export * from './ports.ts';
export * from './rule-traffic.ts';
export * from './nacl.ts';
export * from './exposure.ts';
export * from './tier.ts';

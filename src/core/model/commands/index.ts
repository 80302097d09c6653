/** The pure edit commands: `(design, args) -> Result<Design, ModelError>`. The store only applies them. */
export * from './common.ts';
export * from './vpc.ts';
export * from './subnet.ts';
export * from './security-group.ts';
export * from './rules.ts';
export * from './resource.ts';
export * from './routing.ts';
export * from './network-acl.ts';
export * from './layout.ts';
export * from './external-network.ts';
export * from './design.ts';
export * from './table-removal.ts';
export * from './duplicate.ts';
export * from './connect.ts';

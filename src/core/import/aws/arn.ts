/** Short, readable ids from ELB ARNs: the resource part after the last ':' (app/name/hash, targetgroup/name/hash). */
export function arnResource(arn: string): string {
  const i = arn.lastIndexOf(':');
  const part = i >= 0 ? arn.slice(i + 1) : arn;
  const short = part.startsWith('loadbalancer/') ? part.slice('loadbalancer/'.length) : part;
  return short.trim() === '' || ['__proto__', 'constructor', 'prototype'].includes(short) ? arn : short;
}

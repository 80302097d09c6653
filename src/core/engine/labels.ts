/** How explanations name things: the name people gave first, the id after it when it says more. */

/** "AppSG (sg-app)", or just the id when the name is the id or empty. */
export function named(name: string | undefined, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

/** "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "Security group AppSG (sg-app)" or "Security groups AppSG (sg-app) and WebSG (sg-web)". */
export function groupsPhrase(labels: readonly string[]): string {
  return `${labels.length === 1 ? 'Security group' : 'Security groups'} ${listing(labels)}`;
}

/** Names for drawn things: the lowest free `base-n`, so a workshop's web-1, web-2 read naturally. */

export function nextName(taken: Iterable<string>, base: string): string {
  const set = new Set(taken);
  let n = 1;
  while (set.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** The base of a numbered name: `web-12` -> `web`; other names are their own base. */
export function nameBase(name: string): string {
  const m = /^(.*?)-\d+$/.exec(name);
  return m ? m[1]! : name;
}

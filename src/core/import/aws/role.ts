/** Guessing an instance's role from its name and tags: the designer groups and lints by role. */
import type { InstanceRole, Platform, Tags } from '../../model/types.ts';

const GUESSES: Array<[InstanceRole, RegExp]> = [
  ['bastion', /bastion|jump/i],
  ['web', /(?<![a-z])(web|www|frontend)/i],
  ['app', /(?<![a-z])(app|application|api|backend)(?![a-z])/i],
];

/** bastion, web or app when the Name tag (else any tag value) says so; other otherwise. */
export function guessRole(name: string | undefined, tags: Tags | undefined): InstanceRole {
  const texts = [name ?? '', ...Object.values(tags ?? {})];
  for (const text of texts) {
    for (const [role, pattern] of GUESSES) if (pattern.test(text)) return role;
  }
  return 'other';
}

/** windows when describe-instances says Platform "windows" (or PlatformDetails starts with Windows). */
export function platformOf(platform: string | undefined, details: string | undefined): Platform {
  return platform?.toLowerCase() === 'windows' || /^windows/i.test(details ?? '') ? 'windows' : 'linux';
}

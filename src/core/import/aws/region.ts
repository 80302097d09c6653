/** Telling the Region: describe output does not name it, but availability zones and ARNs do. */
import type { Sections } from './gather.ts';

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+$/;
const AZ = /^([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+)(?:-[a-z]+-\d+)?[a-z]$/;

/** us-east-1 from us-east-1a (and from local zones such as us-west-2-lax-1a). */
export function regionOfZone(zone: string | undefined): string | undefined {
  return zone ? AZ.exec(zone)?.[1] : undefined;
}

/** The Region field of an ARN (arn:partition:service:region:account:resource). */
export function regionOfArn(arn: string | undefined): string | undefined {
  const region = arn?.split(':')[3];
  return region && REGION.test(region) ? region : undefined;
}

/** Whether the text is shaped like a Region name (eu-west-1, us-gov-west-1). */
export function isRegionName(text: string): boolean {
  return REGION.test(text);
}

/** The first Region the bundle reveals: the collector's note, then zones, then ARNs. */
export function guessRegion(sections: Sections): string | undefined {
  const named = sections.regions.find(isRegionName);
  if (named) return named;
  const { lists } = sections;
  for (const s of lists.Subnets) {
    const r = regionOfZone(s.str('AvailabilityZone'));
    if (r) return r;
  }
  for (const lb of lists.LoadBalancers) {
    const r = regionOfArn(lb.str('LoadBalancerArn'));
    if (r) return r;
  }
  for (const db of lists.DBInstances) {
    const r = regionOfArn(db.str('DBInstanceArn'));
    if (r) return r;
  }
  for (const fn of lists.Functions) {
    const r = regionOfArn(fn.str('FunctionArn'));
    if (r) return r;
  }
  for (const eni of lists.NetworkInterfaces) {
    const r = regionOfZone(eni.str('AvailabilityZone'));
    if (r) return r;
  }
  for (const reservation of lists.Reservations) {
    for (const instance of reservation.objects('Instances')) {
      const r = regionOfZone(instance.obj('Placement')?.str('AvailabilityZone'));
      if (r) return r;
    }
  }
  return undefined;
}

/** Prefix lists and instances in the deploy script (services follow, aws-cli-services.ts); what it leaves out is said in a comment. */
import type { Design, Instance } from '../model/types.ts';
import { shellJson, shellQuote, type JsonValue } from './shell-quote.ts';
import { tagSpec, type Script } from './aws-cli-script.ts';
import { regionOfVpc } from './aws-cli-network.ts';
import { writeServices } from './aws-cli-services.ts';

export function writePrefixLists(s: Script, d: Design): void {
  const r = regionOfVpc(s, d, undefined);
  for (const pl of Object.values(d.prefixLists)) {
    const v = s.declare(`pl:${pl.id}`, 'PL');
    if (pl.name.startsWith('com.amazonaws.')) {
      // AWS-managed lists exist in every Region under their name; find it.
      const filters = shellJson([{ Name: 'prefix-list-name', Values: [pl.name] }]);
      s.push(`${v}="$(newid pl "$${r}" ec2 describe-managed-prefix-lists --filters ${filters} --query 'PrefixLists[0].PrefixListId')"`);
      continue;
    }
    const input = shellJson({
      PrefixListName: pl.name,
      AddressFamily: pl.addressFamily,
      MaxEntries: Math.max(pl.maxEntries, pl.entries.length, 1),
      Entries: pl.entries.map((e) => ({ Cidr: e.cidr, ...(e.description ? { Description: e.description } : {}) })),
    });
    s.push(`${v}="$(newid pl "$${r}" ec2 create-managed-prefix-list --cli-input-json ${input} --query PrefixList.PrefixListId)"`);
  }
}

function writeInstance(s: Script, d: Design, inst: Instance, imageVar: (region: string) => string): void {
  const first = inst.enis[0];
  const vpcId = first ? d.subnets[first.subnetId]?.vpcId : undefined;
  if (!first || !inst.enis.every((e) => s.varOf(`subnet:${e.subnetId}`))) {
    s.note(`left out: instance ${inst.name} (an interface's subnet is not in the design)`);
    return;
  }
  const r = regionOfVpc(s, d, vpcId);
  const v = s.declare(`instance:${inst.id}`, 'INSTANCE');
  const single = inst.enis.length === 1;
  const nics: JsonValue[] = inst.enis.map((e, i) => {
    const [primary, ...secondary] = e.privateIps;
    return {
      DeviceIndex: i,
      SubnetId: s.idJson(`subnet:${e.subnetId}`, e.subnetId),
      Groups: e.securityGroupIds.map((g) => s.idJson(`sg:${g}`, g)),
      ...(e.description ? { Description: e.description } : {}),
      ...(primary && secondary.length === 0 ? { PrivateIpAddress: primary } : {}),
      ...(primary && secondary.length > 0
        ? { PrivateIpAddresses: [{ PrivateIpAddress: primary, Primary: true }, ...secondary.map((ip) => ({ PrivateIpAddress: ip, Primary: false }))] }
        : {}),
      ...(single && e.publicIp ? { AssociatePublicIpAddress: true } : {}),
    };
  });
  if (!single && inst.enis.some((e) => e.publicIp)) s.note(`${inst.name}: AWS gives automatic public addresses to single-interface instances only; attach Elastic IPs by hand`);
  s.push(
    `${v}="$(newid i "$${r}" ec2 run-instances --image-id "$${imageVar(r)}" --instance-type "$INSTANCE_TYPE" --count 1 --network-interfaces ${shellJson(nics)}${tagSpec('instance', inst.name, inst.tags)} --query 'Instances[0].InstanceId')"`,
  );
  inst.enis.forEach((e, i) => {
    if (e.ipv6Ips.length === 0) return;
    // Assigned after launch (AWS picks the addresses from the subnet's IPv6 block).
    const q = `Reservations[0].Instances[0].NetworkInterfaces[?Attachment.DeviceIndex==\`${i}\`].NetworkInterfaceId | [0]`;
    s.push(
      `${v}_ENI_${i}="$(newid eni "$${r}" ec2 describe-instances --instance-ids "$${v}" --query ${shellQuote(q)})"`,
      `awsr "$${r}" ec2 assign-ipv6-addresses --network-interface-id "$${v}_ENI_${i}" --ipv6-address-count ${e.ipv6Ips.length} >/dev/null`,
    );
  });
}

export function writeResources(s: Script, d: Design): void {
  const images = new Map<string, string>();
  const imageVar = (r: string): string => {
    const known = images.get(r);
    if (known) return known;
    const v = `IMAGE_${images.size + 1}`;
    images.set(r, v);
    s.push(`${v}="$(image_for "$${r}")"`);
    return v;
  };
  for (const res of Object.values(d.resources)) {
    if (res.kind === 'instance') {
      if (res.platform === 'windows') s.note(`${res.name}: Windows in the design; launched from IMAGE_ID (set it to a Windows image)`);
      writeInstance(s, d, res, imageVar);
    } else if (res.kind === 'instance-group') {
      s.note(`left out: instance-group ${res.name}: an auto scaling group needs a launch template and scaling settings the design does not hold; create it with the groups and subnets above`);
    }
  }
  // After the instances: target groups register them.
  writeServices(s, d);
}

/**
 * Instances (NetworkInterfaces, or SubnetId with SecurityGroupIds), network interfaces and their
 * attachments, Elastic IP associations, and auto scaling groups (one representative interface per
 * subnet, made an instance group afterwards), as describe-instances and
 * describe-network-interfaces items. What AWS decides at launch is filled the way AWS does: no
 * group means the VPC's default group; a public address (a clearly marked stand-in) when the
 * interface asks for one, its subnet maps one on launch, or an Elastic IP is associated.
 */
import type { Cursor } from '../aws/cursor.ts';
import type { Build, Item } from './build.ts';
import type { ResourceReader } from './reader.ts';

/** Reads an interface's fields: from the instance's NetworkInterfaces entry or from an AWS::EC2::NetworkInterface. */
type Field = (key: string) => Cursor;

function groupItems(b: Build, r: ResourceReader, field: Field, subnetId: string | undefined, idsKey: string, namesKey?: string): Item[] {
  const ids = r.ids(field(idsKey)).map((id) => ({ GroupId: id }));
  const named = namesKey ? r.ids(field(namesKey)).map((n) => (b.groups.has(n) ? { GroupId: n } : { GroupName: n })) : [];
  const groups = [...ids, ...named];
  if (groups.length > 0) return groups;
  const fallback = b.defaultGroupOfSubnet(subnetId);
  return fallback ? [{ GroupId: fallback }] : [];
}

function addresses(b: Build, r: ResourceReader, field: Field): Item[] {
  const list = field('PrivateIpAddresses');
  if (!list.missing) {
    return r.list(list).map((a) => b.draft.track({ PrivateIpAddress: r.need(a.at('PrivateIpAddress')), Primary: r.flag(a.at('Primary')) ?? false }, a, { PrivateIpAddress: a.at('PrivateIpAddress') }));
  }
  const single = field('PrivateIpAddress');
  const ip = r.optional(single);
  return ip === undefined || ip === null ? [] : [b.draft.track({ PrivateIpAddress: ip, Primary: true }, single, { PrivateIpAddress: single })];
}

/** A stand-in public address, with the warning that says so. */
function publicAddress(r: ResourceReader, what: string, at: Cursor): Item {
  const ip = r.scope.nextPublicIp();
  r.scope.warn('import/cfn-stand-in-address', `AWS gives ${what} its public address at launch; ${ip} stands in for it.`, at, r.id);
  return { PublicIp: ip };
}

export function translateElasticIps(b: Build): void {
  for (const r of b.readers('AWS::EC2::EIP')) {
    r.entity(`Elastic IP ${r.logicalId}`, () => {
      const instance = r.idAt(r.prop('InstanceId'));
      if (instance) b.elasticIps.add(instance);
    });
  }
  for (const r of b.readers('AWS::EC2::EIPAssociation')) {
    r.entity(`Elastic IP association ${r.logicalId}`, () => {
      const target = r.idAt(r.prop('NetworkInterfaceId')) ?? r.idAt(r.prop('InstanceId'));
      if (target) b.elasticIps.add(target);
    });
  }
}

export function translateInstances(b: Build): void {
  const attachments = new Map<string, { instanceId: string | undefined; deviceIndex: unknown; at: Cursor }>();
  for (const r of b.readers('AWS::EC2::NetworkInterfaceAttachment')) {
    r.entity(`interface attachment ${r.logicalId}`, () => {
      const eni = r.idAt(r.prop('NetworkInterfaceId'));
      if (eni) attachments.set(eni, { instanceId: r.idAt(r.prop('InstanceId')), deviceIndex: r.optional(r.prop('DeviceIndex')), at: r.at });
    });
  }
  for (const r of b.readers('AWS::EC2::Instance')) {
    r.entity(`instance ${r.logicalId}`, () => {
      const item: Item = { InstanceId: r.id, State: { Name: 'running' }, Tags: r.tags() };
      const nicsAt = r.prop('NetworkInterfaces');
      if (!nicsAt.missing) {
        item.NetworkInterfaces = r.list(nicsAt).map((nic, i) => instanceInterface(b, r, nic, i));
      } else {
        const subnetAt = r.prop('SubnetId');
        const subnetId = r.idAt(subnetAt);
        const field: Field = (k) => r.prop(k);
        const subnet = subnetId ? b.subnets.get(subnetId) : undefined;
        Object.assign(item, {
          SubnetId: subnetId,
          VpcId: subnet?.vpcId,
          PrivateIpAddresses: addresses(b, r, field),
          SecurityGroups: groupItems(b, r, field, subnetId, 'SecurityGroupIds', 'SecurityGroups'),
        });
        if (subnet?.mapPublicIp || b.elasticIps.has(r.id)) {
          item.PublicIpAddress = publicAddress(r, `instance ${r.logicalId}`, b.elasticIps.has(r.id) ? r.resource.at : subnetAt).PublicIp;
        }
      }
      b.draft.add(r.file, 'Reservations', { Instances: [b.draft.track(item, r.at, { SubnetId: r.prop('SubnetId'), Tags: r.prop('Tags'), NetworkInterfaces: nicsAt })] });
    });
  }
  for (const r of b.readers('AWS::EC2::NetworkInterface')) {
    if (b.claimedInterfaces.has(r.id)) continue;
    r.entity(`network interface ${r.logicalId}`, () => {
      const field: Field = (k) => r.prop(k);
      const subnetAt = r.prop('SubnetId');
      const subnetId = r.idAt(subnetAt);
      const attachment = attachments.get(r.id);
      const item: Item = {
        NetworkInterfaceId: r.id,
        SubnetId: subnetId,
        PrivateIpAddresses: addresses(b, r, field),
        Groups: groupItems(b, r, field, subnetId, 'GroupSet'),
        Description: r.optional(r.prop('Description')),
        Status: attachment?.instanceId ? 'in-use' : 'available',
        ...(attachment?.instanceId ? { Attachment: { InstanceId: attachment.instanceId, DeviceIndex: attachment.deviceIndex ?? 1 } } : {}),
        ...(b.elasticIps.has(r.id) ? { Association: publicAddress(r, `interface ${r.logicalId}`, r.resource.at) } : {}),
        TagSet: r.tags(),
      };
      b.draft.add(r.file, 'NetworkInterfaces', b.draft.track(item, r.at, { SubnetId: subnetAt, TagSet: r.prop('Tags') }));
    });
  }
}

/** One entry of an instance's NetworkInterfaces: a new interface, or an AWS::EC2::NetworkInterface it attaches. */
function instanceInterface(b: Build, r: ResourceReader, nic: Cursor, i: number): Item {
  const indexAt = nic.at('DeviceIndex');
  const deviceIndex = Number(r.need(indexAt) ?? i);
  const existing = r.idAt(nic.at('NetworkInterfaceId'));
  const source = existing ? b.reader(existing) : undefined;
  if (existing && source?.resource.type === 'AWS::EC2::NetworkInterface') b.claimedInterfaces.add(existing);
  const field: Field = source?.resource.type === 'AWS::EC2::NetworkInterface' ? (k) => source.prop(k) : (k) => nic.at(k);
  const subnetAt = field('SubnetId');
  const subnetId = r.idAt(subnetAt);
  const id = existing ?? `${r.id}-eni-${Number.isInteger(deviceIndex) ? deviceIndex : i}`;
  const asked = existing ? undefined : r.flag(nic.at('AssociatePublicIpAddress'));
  const mapped = !existing && asked === undefined && deviceIndex === 0 && (subnetId ? b.subnets.get(subnetId)?.mapPublicIp : false);
  const eip = b.elasticIps.has(id) || (deviceIndex === 0 && b.elasticIps.has(r.id));
  const item: Item = {
    NetworkInterfaceId: id,
    SubnetId: subnetId,
    PrivateIpAddresses: addresses(b, r, field),
    Groups: groupItems(b, r, field, subnetId, 'GroupSet'),
    Attachment: { DeviceIndex: Number.isInteger(deviceIndex) ? deviceIndex : i },
    Ipv6Addresses: r.list(field('Ipv6Addresses')).map((a) => ({ Ipv6Address: r.need(a.at('Ipv6Address')) })),
    ...(asked === true || mapped || eip ? { Association: publicAddress(r, `interface ${deviceIndex} of ${r.logicalId}`, nic) } : {}),
    Description: r.optional(field('Description')),
  };
  return b.draft.track(item, nic, { SubnetId: subnetAt, Attachment: indexAt });
}

/** The group ids and public-address choice of an auto scaling group's launch template or configuration. */
function launchSettings(b: Build, r: ResourceReader): { groups: string[]; publicIp: boolean | undefined } | undefined {
  const template = r.prop('LaunchTemplate').missing ? r.prop('MixedInstancesPolicy').at('LaunchTemplate').at('LaunchTemplateSpecification') : r.prop('LaunchTemplate');
  const templateId = template.missing ? undefined : (r.idAt(template.at('LaunchTemplateId')) ?? r.idAt(template.at('LaunchTemplateName')));
  const lt = templateId ? b.reader(templateId) : undefined;
  if (lt?.resource.type === 'AWS::EC2::LaunchTemplate') {
    const data = lt.prop('LaunchTemplateData');
    const nic = data.at('NetworkInterfaces').at(0);
    const groups = [...lt.ids(data.at('SecurityGroupIds')), ...lt.ids(data.at('SecurityGroups')), ...lt.ids(nic.at('Groups'))];
    return { groups, publicIp: lt.flag(nic.at('AssociatePublicIpAddress')) };
  }
  const configId = r.idAt(r.prop('LaunchConfigurationName'));
  const lc = configId ? b.reader(configId) : undefined;
  if (lc?.resource.type === 'AWS::AutoScaling::LaunchConfiguration') {
    return { groups: lc.ids(lc.prop('SecurityGroups')), publicIp: lc.flag(lc.prop('AssociatePublicIpAddress')) };
  }
  return undefined;
}

export function translateAutoScalingGroups(b: Build): void {
  for (const r of b.readers('AWS::AutoScaling::AutoScalingGroup')) {
    r.entity(`auto scaling group ${r.logicalId}`, () => {
      const subnetsAt = r.prop('VPCZoneIdentifier');
      const subnets = r.ids(subnetsAt);
      if (subnets.length === 0) {
        r.scope.warn('import/cfn-asg-without-subnets', 'names no subnets (VPCZoneIdentifier), so AWS launches its instances in default subnets the templates do not describe; it was left out.', subnetsAt, r.id);
        return;
      }
      const settings = launchSettings(b, r);
      if (!settings) r.scope.warn('import/cfn-unknown-launch-template', 'its launch template or configuration is not in the templates, so its instances\' groups are unknown; they were given the VPC\'s default group.', r.at, r.id);
      const size = Number(r.optional(r.prop('DesiredCapacity')) ?? r.optional(r.prop('MinSize')) ?? 1);
      const interfaces = subnets.map((subnetId, i) => {
        const fallback = b.defaultGroupOfSubnet(subnetId);
        const groups = settings && settings.groups.length > 0 ? settings.groups.map((id) => ({ GroupId: id })) : fallback ? [{ GroupId: fallback }] : [];
        const publicIp = settings?.publicIp ?? b.subnets.get(subnetId)?.mapPublicIp ?? false;
        return {
          NetworkInterfaceId: `${r.id}-eni-${subnetId}`,
          SubnetId: subnetId,
          PrivateIpAddresses: [],
          Groups: groups,
          Attachment: { DeviceIndex: i },
          ...(publicIp ? { Association: publicAddress(r, `the instances of ${r.logicalId} in ${subnetId}`, subnetsAt) } : {}),
        };
      });
      b.draft.add(r.file, 'Reservations', { Instances: [b.draft.track({ InstanceId: r.id, State: { Name: 'running' }, NetworkInterfaces: interfaces, Tags: r.tags() }, r.at, { NetworkInterfaces: subnetsAt })] });
      b.instanceGroups.set(r.id, Number.isInteger(size) && size >= 1 ? size : 1);
      for (const arn of r.ids(r.prop('TargetGroupARNs'))) {
        if (b.targetGroups.has(arn)) b.draft.add(r.file, 'TargetHealthDescriptions', b.draft.track({ TargetGroupArn: arn, Target: { Id: r.id } }, r.prop('TargetGroupARNs')));
      }
    });
  }
}

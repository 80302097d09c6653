/**
 * Load balancers (with target groups, targets and listeners), RDS databases and Lambda functions
 * in the deploy script. What the design does not hold comes from the environment, checked before
 * anything is created: the functions' role and package, the HTTPS listeners' certificate. RDS
 * keeps the master password in Secrets Manager (--manage-master-user-password), so the script
 * never handles one.
 */
import { vpcOfResource } from '../model/queries.ts';
import type { Database, Design, LambdaFunction, LoadBalancer, Resource } from '../model/types.ts';
import { awsName } from './iac/common.ts';
import { shellJson, shellQuote, shellVar, type JsonValue } from './shell-quote.ts';
import { tagList, type Script } from './aws-cli-script.ts';
import { regionOfVpc, zoneWord } from './aws-cli-network.ts';

const has = (d: Design, kind: Resource['kind']): boolean => Object.values(d.resources).some((r) => r.kind === kind && !isAurora(r));
/** Aurora needs a DB cluster the design does not hold: such databases are left out. */
const isAurora = (r: Resource): boolean => r.kind === 'database' && r.engine.startsWith('aurora');
const hasHttps = (d: Design): boolean => Object.values(d.resources).some((r) => r.kind === 'load-balancer' && r.listeners.some((l) => l.protocol === 'HTTPS'));

/** Usage lines for the settings the design's services need. */
export function serviceUsage(d: Design): string[] {
  const lines: string[] = [];
  if (has(d, 'database')) lines.push('#   DB_INSTANCE_CLASS (default db.t3.micro) and DB_USERNAME (default dbadmin) for every database;', '#   each master password is made and kept by RDS in Secrets Manager.');
  if (has(d, 'lambda')) lines.push('#   LAMBDA_ROLE_ARN (required): execution role of every function (needs AWSLambdaVPCAccessExecutionRole);', '#   LAMBDA_ZIP (default lambda.zip): deployment package of every function (nodejs22.x, index.handler).');
  if (hasHttps(d)) lines.push('#   CERTIFICATE_ARN (required): ACM certificate of every HTTPS listener.');
  return lines;
}

/** Checks of those settings, at the top of the script so that a missing one stops it before anything exists. */
export function writeServiceSettings(s: Script, d: Design): void {
  if (has(d, 'database')) {
    s.push(
      'DB_INSTANCE_CLASS="${DB_INSTANCE_CLASS:-db.t3.micro}"',
      '[[ "$DB_INSTANCE_CLASS" =~ ^db\\.[a-z0-9.]+$ ]] || die "not a DB instance class: $DB_INSTANCE_CLASS"',
      'DB_USERNAME="${DB_USERNAME:-dbadmin}"',
      '[[ "$DB_USERNAME" =~ ^[A-Za-z][A-Za-z0-9_]{0,15}$ ]] || die "not a database master user name: $DB_USERNAME"',
    );
  }
  if (has(d, 'lambda')) {
    s.push(
      '[[ "${LAMBDA_ROLE_ARN:-}" =~ ^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$ ]] || die "set LAMBDA_ROLE_ARN to the execution role of the functions (arn:aws:iam::ACCOUNT:role/NAME)"',
      'LAMBDA_ZIP="${LAMBDA_ZIP:-lambda.zip}"',
      '[ -f "$LAMBDA_ZIP" ] || die "no deployment package at LAMBDA_ZIP=$LAMBDA_ZIP"',
    );
  }
  if (hasHttps(d)) {
    s.push('[[ "${CERTIFICATE_ARN:-}" =~ ^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+$ ]] || die "set CERTIFICATE_ARN to the ACM certificate of the HTTPS listeners"');
  }
}

/** The Region variable and subnet variables of a resource, or undefined (with a note) when a subnet is missing. */
function placed(s: Script, d: Design, r: Resource, subnetIds: string[], what: string): { region: string; subnets: JsonValue[] } | undefined {
  const known = subnetIds.filter((id) => s.varOf(`subnet:${id}`));
  if (known.length === 0 || known.length < subnetIds.length) {
    s.note(`left out: ${what} ${r.name} (a subnet of it is not in the design)`);
    return undefined;
  }
  return { region: regionOfVpc(s, d, vpcOfResource(d, r)), subnets: known.map((id) => s.idJson(`subnet:${id}`, id)) };
}

const groupsOf = (s: Script, r: Resource): JsonValue[] => (r.enis[0]?.securityGroupIds ?? []).map((g) => s.idJson(`sg:${g}`, g));

function writeLoadBalancer(s: Script, d: Design, r: LoadBalancer): void {
  const where = placed(s, d, r, r.enis.map((e) => e.subnetId), 'load balancer');
  const vpcId = vpcOfResource(d, r);
  const vpcVar = vpcId ? s.varOf(`vpc:${vpcId}`) : undefined;
  if (!where || !vpcVar) return;
  const reg = where.region;
  const lb = s.declare(`lb:${r.id}`, 'LB');
  if (r.enis.some((e) => e.ipv6Ips.length > 0)) s.note(`${r.name}: created with IPv4 addresses only; switch it to dualstack by hand`);
  s.push(
    `${lb}="$(newarn elasticloadbalancing "$${reg}" elbv2 create-load-balancer --name ${shellQuote(awsName(r.name, { max: 32, fallback: 'lb' }))} --type application --scheme ${r.scheme}` +
      ` --subnets ${shellJson(where.subnets)} --security-groups ${shellJson(groupsOf(s, r))} --tags ${shellJson(tagList(r.name, r.tags))} --query 'LoadBalancers[0].LoadBalancerArn')"`,
  );
  for (const tg of r.targetGroups) {
    const v = s.declare(`tg:${r.id}#${tg.id}`, 'TG');
    s.push(
      `${v}="$(newarn elasticloadbalancing "$${reg}" elbv2 create-target-group --name ${shellQuote(awsName(tg.name, { max: 32, fallback: 'tg' }))} --protocol ${tg.protocol} --port ${tg.port}` +
        ` --vpc-id "$${vpcVar}" --target-type instance --health-check-protocol ${tg.protocol} --health-check-port ${tg.healthCheckPort} --query 'TargetGroups[0].TargetGroupArn')"`,
    );
    const targets: JsonValue[] = [];
    const launched: string[] = [];
    for (const t of tg.targets) {
      const target = d.resources[t.resourceId];
      const instanceVar = target?.kind === 'instance' ? s.varOf(`instance:${target.id}`) : undefined;
      if (instanceVar) {
        targets.push({ Id: shellVar(instanceVar), Port: t.port ?? tg.port });
        launched.push(`"$${instanceVar}"`);
      } else {
        s.note(`target group ${tg.name}: the target ${target?.name ?? t.resourceId} is not an instance this script launches; register it by hand`);
      }
    }
    if (targets.length === 0) continue;
    // A target must be running before it can be registered.
    s.push(
      `awsr "$${reg}" ec2 wait instance-running --instance-ids ${[...new Set(launched)].join(' ')}`,
      `awsr "$${reg}" elbv2 register-targets --target-group-arn "$${v}" --targets ${shellJson(targets)} >/dev/null`,
    );
  }
  for (const l of r.listeners) {
    const tgVar = s.varOf(`tg:${r.id}#${l.targetGroupId}`);
    if (!tgVar) {
      s.note(`left out: listener ${l.protocol} ${l.port} of ${r.name} (its target group ${l.targetGroupId} is not in the design)`);
      continue;
    }
    const tls = l.protocol === 'HTTPS' ? ` --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06 --certificates ${shellJson([{ CertificateArn: shellVar('CERTIFICATE_ARN') }])}` : '';
    s.push(
      `awsr "$${reg}" elbv2 create-listener --load-balancer-arn "$${lb}" --protocol ${l.protocol} --port ${l.port}${tls} --default-actions ${shellJson([{ Type: 'forward', TargetGroupArn: shellVar(tgVar) }])} >/dev/null`,
    );
  }
}

function writeDatabase(s: Script, d: Design, r: Database): void {
  if (isAurora(r)) {
    s.note(`left out: database ${r.name}: ${r.engine} needs a DB cluster the design does not hold; create it with the groups and subnets above`);
    return;
  }
  const where = placed(s, d, r, r.subnetIds, 'database');
  if (!where) return;
  const reg = where.region;
  const identifier = awsName(r.name, { max: 63, lower: true, letterFirst: true, fallback: 'db' });
  const subnetGroup = `${identifier.slice(0, 55)}-subnets`;
  s.push(
    `awsr "$${reg}" rds create-db-subnet-group --db-subnet-group-name ${shellQuote(subnetGroup)} --db-subnet-group-description ${shellQuote(`Subnets of ${r.name}`.slice(0, 255))}` +
      ` --subnet-ids ${shellJson(where.subnets)} --tags ${shellJson(tagList(r.name, undefined))} >/dev/null`,
  );
  // One interface: the database lives in that subnet's zone. Two: a Multi-AZ standby in the other.
  const home = r.enis[0] ? d.subnets[r.enis[0].subnetId] : undefined;
  const vpc = home ? d.vpcs[home.vpcId] : undefined;
  const zone = r.enis.length > 1 ? ' --multi-az' : home && vpc ? ` --availability-zone ${zoneWord(vpc, reg, home.availabilityZone)}` : '';
  s.push(
    `awsr "$${reg}" rds create-db-instance --db-instance-identifier ${shellQuote(identifier)} --engine ${shellQuote(r.engine)} --db-instance-class "$DB_INSTANCE_CLASS" --allocated-storage 20` +
      ` --master-username "$DB_USERNAME" --manage-master-user-password --db-subnet-group-name ${shellQuote(subnetGroup)} --vpc-security-group-ids ${shellJson(groupsOf(s, r))}` +
      ` --port ${r.port} ${r.publiclyAccessible ? '--publicly-accessible' : '--no-publicly-accessible'}${zone} --tags ${shellJson(tagList(r.name, r.tags))} >/dev/null`,
  );
}

function writeFunction(s: Script, d: Design, r: LambdaFunction): void {
  const subnetIds = r.enis.map((e) => e.subnetId);
  const where = subnetIds.length > 0 ? placed(s, d, r, subnetIds, 'function') : { region: regionOfVpc(s, d, undefined), subnets: [] };
  if (!where) return;
  const name = awsName(r.name, { max: 64, underscore: true, fallback: 'function' });
  const vpcConfig = where.subnets.length > 0 ? ` --vpc-config ${shellJson({ SubnetIds: where.subnets, SecurityGroupIds: groupsOf(s, r) })}` : '';
  const tags = Object.fromEntries(tagList(r.name, r.tags).map((t) => [t.Key, t.Value]));
  s.push(
    `awsr "$${where.region}" lambda create-function --function-name ${shellQuote(name)} --runtime nodejs22.x --handler index.handler --role "$LAMBDA_ROLE_ARN"` +
      ` --zip-file "fileb://$LAMBDA_ZIP"${vpcConfig} --tags ${shellJson(tags)} >/dev/null`,
  );
}

/** Every load balancer, database and function, after the instances (targets must exist first). */
export function writeServices(s: Script, d: Design): void {
  const all = Object.values(d.resources);
  for (const r of all) if (r.kind === 'load-balancer') writeLoadBalancer(s, d, r);
  for (const r of all) if (r.kind === 'database') writeDatabase(s, d, r);
  for (const r of all) if (r.kind === 'lambda') writeFunction(s, d, r);
}

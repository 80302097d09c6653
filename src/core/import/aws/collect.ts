/**
 * The collector: a read-only bash script that runs the describe commands of formats.md for one
 * Region with the AWS CLI and writes a bundle folder the importer reads. It handles no
 * credentials (the CLI's own configuration does) and needs nothing but bash and the aws CLI: the
 * collector's additions (a target group's ARN beside its health, a prefix list's id beside its
 * entries, a function's ARN beside its tags, the Region) are made with the CLI's own --query, so jq or python are not required.
 */

export interface CollectOptions {
  /** Region baked in as the default; REGION / AWS_REGION / AWS_DEFAULT_REGION or -r still override it. */
  region?: string;
}

/** A word for bash that stays one word whatever it holds. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The collector script for one Region. */
export function collectScript(options: CollectOptions = {}): string {
  const defaultRegion = options.region?.trim() ? shellQuote(options.region.trim()) : "''";
  return `#!/usr/bin/env bash
# Tierwise collector: writes the AWS describe output of one Region into a bundle folder that
# Tierwise imports. Read-only: it calls describe/list/get commands only. It handles no
# credentials: the aws CLI uses its usual configuration (profile, environment, SSO, role).
#
# Usage: collect.sh [-r REGION] [-o OUT_DIR] [-- EXTRA_AWS_ARGS...]
#   REGION   also from $REGION, else the Region baked in below, else $AWS_REGION / $AWS_DEFAULT_REGION
#   OUT_DIR  also from $OUT; default ./tierwise-bundle-REGION-TIMESTAMP
#   $AWS_ENDPOINT_URL, when set, is passed as --endpoint-url; anything after -- goes to every aws call.
set -euo pipefail
set -f # no globbing: ids and ARNs are split on whitespace only

BAKED_REGION=${defaultRegion}
# -r wins, then $REGION, then the Region this script was made for, then the CLI's environment.
REGION="\${REGION:-$BAKED_REGION}"
REGION="\${REGION:-\${AWS_REGION:-\${AWS_DEFAULT_REGION:-}}}"
OUT="\${OUT:-}"
EXTRA=()

usage() {
  echo "usage: $0 [-r REGION] [-o OUT_DIR] [-- EXTRA_AWS_ARGS...]"
}
die() {
  echo "tierwise-collect: $*" >&2
  exit 1
}
note() {
  echo "tierwise-collect: $*" >&2
}

while [ "$#" -gt 0 ]; do
  case "$1" in
    -r | --region)
      [ "$#" -ge 2 ] || die "$1 needs a value"
      REGION="$2"
      shift 2
      ;;
    -o | --out)
      [ "$#" -ge 2 ] || die "$1 needs a value"
      OUT="$2"
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    --)
      shift
      EXTRA+=("$@")
      break
      ;;
    *)
      usage >&2
      die "unknown argument: $1"
      ;;
  esac
done

[ -n "$REGION" ] || die "no Region: pass -r REGION or set REGION"
[[ "$REGION" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || die "not a Region name: $REGION"
command -v aws >/dev/null 2>&1 || die "the aws CLI is not installed (https://aws.amazon.com/cli/)"
case "$(aws --version 2>&1)" in
  aws-cli/2.*) ;;
  *) note "this collector is written for aws CLI v2; found: $(aws --version 2>&1)" ;;
esac

if [ -n "\${AWS_ENDPOINT_URL:-}" ]; then
  EXTRA+=(--endpoint-url "$AWS_ENDPOINT_URL")
fi
export AWS_PAGER=""

if [ -z "$OUT" ]; then
  OUT="tierwise-bundle-$REGION-$(date +%Y%m%d-%H%M%S)"
fi
mkdir -p -- "$OUT"

# aws with the Region, JSON output and the extra arguments.
awsr() {
  aws "$@" --region "$REGION" --output json \${EXTRA[@]+"\${EXTRA[@]}"}
}
# The same with text output: for lists of ids.
awst() {
  aws "$@" --region "$REGION" --output text \${EXTRA[@]+"\${EXTRA[@]}"}
}

FILES=0
SKIPPED=0
# save NAME REQUIRED CMD...: runs CMD into OUT/NAME.json; a failing optional command is reported and skipped.
save() {
  local name="$1" required="$2"
  shift 2
  local tmp="$OUT/.$name.json.part"
  if awsr "$@" >"$tmp"; then
    mv -f -- "$tmp" "$OUT/$name.json"
    FILES=$((FILES + 1))
  else
    rm -f -- "$tmp"
    if [ "$required" = required ]; then
      die "aws $1 $2 failed; the bundle in $OUT is incomplete (check credentials and Region)"
    fi
    note "aws $1 $2 failed; skipped (the bundle will not have its data)"
    SKIPPED=$((SKIPPED + 1))
  fi
}
# ids SERVICE COMMAND QUERY: the ids the query selects, one per word ("None" dropped); empty on failure.
ids() {
  local out id
  if out="$(awst "$1" "$2" --query "$3")"; then
    for id in $out; do
      [ "$id" = None ] || printf '%s\\n' "$id"
    done
  else
    note "aws $1 $2 failed; its items are skipped"
  fi
}
# A JMESPath literal for a plain token (ARNs, ids, Region names); anything else is refused.
literal() {
  [[ "$1" =~ ^[A-Za-z0-9:/_.+=@-]+$ ]] || return 1
  printf '\`"%s"\`' "$1"
}

REGION_LITERAL="$(literal "$REGION")"

# EC2: the network. Required: without these there is no design.
save ec2-describe-vpcs required ec2 describe-vpcs --query "{Vpcs: Vpcs, Region: $REGION_LITERAL}"
save ec2-describe-subnets required ec2 describe-subnets
save ec2-describe-route-tables required ec2 describe-route-tables
save ec2-describe-internet-gateways required ec2 describe-internet-gateways
save ec2-describe-nat-gateways required ec2 describe-nat-gateways
save ec2-describe-vpc-peering-connections required ec2 describe-vpc-peering-connections
save ec2-describe-network-acls required ec2 describe-network-acls
save ec2-describe-security-groups required ec2 describe-security-groups
save ec2-describe-instances required ec2 describe-instances
save ec2-describe-network-interfaces required ec2 describe-network-interfaces
# Optional: newer or narrower APIs, and services a read-only role may not be allowed to read.
save ec2-describe-security-group-rules optional ec2 describe-security-group-rules
save ec2-describe-managed-prefix-lists optional ec2 describe-managed-prefix-lists
n=0
for id in $(ids ec2 describe-managed-prefix-lists "PrefixLists[?OwnerId!='AWS'].PrefixListId"); do
  lit="$(literal "$id")" || { note "skipping odd prefix list id: $id"; continue; }
  n=$((n + 1))
  save "ec2-get-managed-prefix-list-entries-$n" optional ec2 get-managed-prefix-list-entries --prefix-list-id "$id" --query "{PrefixListId: $lit, Entries: Entries}"
done

save elbv2-describe-load-balancers optional elbv2 describe-load-balancers
LB_ARNS=()
n=0
for arn in $(ids elbv2 describe-load-balancers "LoadBalancers[?Type=='application'].LoadBalancerArn"); do
  n=$((n + 1))
  save "elbv2-describe-listeners-$n" optional elbv2 describe-listeners --load-balancer-arn "$arn"
  LB_ARNS+=("$arn")
done
# describe-load-balancers prints no tags, and the Name tag is the only place a design name that is
# not a valid load balancer name survives. describe-tags takes at most 20 ARNs a call.
n=0
i=0
while [ "$i" -lt "\${#LB_ARNS[@]}" ]; do
  n=$((n + 1))
  save "elbv2-describe-tags-$n" optional elbv2 describe-tags --resource-arns "\${LB_ARNS[@]:i:20}"
  i=$((i + 20))
done
save elbv2-describe-target-groups optional elbv2 describe-target-groups
n=0
for arn in $(ids elbv2 describe-target-groups "TargetGroups[].TargetGroupArn"); do
  lit="$(literal "$arn")" || { note "skipping odd target group ARN: $arn"; continue; }
  n=$((n + 1))
  save "elbv2-describe-target-health-$n" optional elbv2 describe-target-health --target-group-arn "$arn" --query "{TargetGroupArn: $lit, TargetHealthDescriptions: TargetHealthDescriptions}"
done

save rds-describe-db-instances optional rds describe-db-instances
save lambda-list-functions optional lambda list-functions
# list-functions prints no tags either; list-tags does not name its function, so its ARN is added.
# Only functions in a VPC are imported, so only theirs are read.
n=0
for arn in $(ids lambda list-functions "Functions[?VpcConfig.SubnetIds[0]].FunctionArn"); do
  lit="$(literal "$arn")" || { note "skipping odd function ARN: $arn"; continue; }
  n=$((n + 1))
  save "lambda-list-tags-$n" optional lambda list-tags --resource "$arn" --query "{FunctionArn: $lit, Tags: Tags}"
done

note "wrote $FILES files to $OUT ($SKIPPED skipped); import that folder into Tierwise"
printf '%s\\n' "$OUT"
`;
}

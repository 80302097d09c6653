/** The fixed head of every deploy script: options, checks and the small bash helpers it calls. */

/** Bash helpers; ids the script captures are checked against their AWS shape before any use. */
export const PRELUDE = String.raw`set -euo pipefail
set -f # no globbing anywhere

die() {
  echo "tierwise-deploy: $*" >&2
  exit 1
}
note() {
  echo "tierwise-deploy: $*" >&2
}

command -v aws >/dev/null 2>&1 || die "the aws CLI is not installed (https://aws.amazon.com/cli/)"
export AWS_PAGER=""
# Every argument of this script goes to every aws call; so does --endpoint-url $AWS_ENDPOINT_URL.
EXTRA=("$@")
if [ -n "${"${AWS_ENDPOINT_URL:-}"}" ]; then
  EXTRA+=(--endpoint-url "$AWS_ENDPOINT_URL")
fi
INSTANCE_TYPE="${"${INSTANCE_TYPE:-t3.micro}"}"
[[ "$INSTANCE_TYPE" =~ ^[a-z0-9.-]+$ ]] || die "not an instance type: $INSTANCE_TYPE"

# region NAME: NAME if it is a Region name.
region() {
  [[ "$1" =~ ^[a-z]{2}(-[a-z]+)+-[0-9]+$ ]] || die "not a Region name: $1"
  printf '%s' "$1"
}
# awsr REGION ARGS...: aws in REGION with the extra arguments.
awsr() {
  local r="$1"
  shift
  aws "$@" --region "$r" ${"${EXTRA[@]+\"${EXTRA[@]}\"}"}
}
# newid PREFIX REGION ARGS...: runs aws (text output) and prints the one id it answers, checked.
newid() {
  local p="$1" r="$2" out
  shift 2
  out="$(awsr "$r" "$@" --output text)"
  [[ "$out" =~ ^$p-[0-9a-zA-Z]+$ ]] || die "aws $1 $2 answered '$out', not a $p- id"
  printf '%s' "$out"
}
# newarn SERVICE REGION ARGS...: like newid, for the ARN of a SERVICE resource (elasticloadbalancing, ...).
newarn() {
  local p="$1" r="$2" out
  shift 2
  out="$(awsr "$r" "$@" --output text)"
  [[ "$out" =~ ^arn:aws[a-z-]*:$p:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9/:._-]+$ ]] || die "aws $1 $2 answered '$out', not an ARN of $p"
  printf '%s' "$out"
}
# vpc_ipv6 REGION VPC: the IPv6 block AWS gave the VPC.
vpc_ipv6() {
  local out
  out="$(awsr "$1" ec2 describe-vpcs --vpc-ids "$2" --query 'Vpcs[0].Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock' --output text)"
  [[ "$out" =~ ^[0-9a-f:]+/56$ ]] || die "VPC $2 has no IPv6 /56 block: $out"
  printf '%s' "$out"
}
# ipv6_subnet VPC_BLOCK N: the N-th /64 of a /56.
ipv6_subnet() {
  local head="${"${1%%/*}"}" IFS=:
  head="${"${head%%::*}"}"
  local -a h=($head)
  while [ "${"${#h[@]}"}" -lt 4 ]; do h+=(0); done
  printf '%x:%x:%x:%x::/64' "0x${"${h[0]}"}" "0x${"${h[1]}"}" "0x${"${h[2]}"}" "$((0x${"${h[3]}"} + $2))"
}
# acl_entries REGION ACL: "number egress" lines of the ACL's numbered entries.
acl_entries() {
  awsr "$1" ec2 describe-network-acls --network-acl-ids "$2" --query 'NetworkAcls[0].Entries[?RuleNumber<${"`32767`"}].[RuleNumber,Egress]' --output text
}
# acl_op EXISTING NUMBER EGRESS: replace-network-acl-entry if the entry exists, else create-network-acl-entry.
acl_op() {
  local n e
  while read -r n e; do
    if [ "$n" = "$2" ] && [ "${"${e,,}"}" = "$3" ]; then
      printf 'replace-network-acl-entry'
      return
    fi
  done <<<"$1"
  printf 'create-network-acl-entry'
}
# acl_prune REGION ACL EXISTING KEEP: deletes the entries not in KEEP ("number:egress ...").
acl_prune() {
  local n e
  while read -r n e; do
    [ -n "$n" ] || continue
    case " $4 " in *" $n:${"${e,,}"} "*) continue ;; esac
    if [ "${"${e,,}"}" = true ]; then
      awsr "$1" ec2 delete-network-acl-entry --network-acl-id "$2" --rule-number "$n" --egress >/dev/null
    else
      awsr "$1" ec2 delete-network-acl-entry --network-acl-id "$2" --rule-number "$n" --ingress >/dev/null
    fi
  done <<<"$3"
}
# acl_associate REGION SUBNET ACL: moves the subnet to the ACL.
acl_associate() {
  local assoc
  assoc="$(newid aclassoc "$1" ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$2" --query "NetworkAcls[0].Associations[?SubnetId=='$2'].NetworkAclAssociationId | [0]")"
  awsr "$1" ec2 replace-network-acl-association --association-id "$assoc" --network-acl-id "$3" >/dev/null
}
# sg_clear REGION GROUP ingress|egress: revokes every rule of that direction.
sg_clear() {
  local q=IpPermissions perms
  [ "$3" = egress ] && q=IpPermissionsEgress
  perms="$(awsr "$1" ec2 describe-security-groups --group-ids "$2" --query "SecurityGroups[0].$q" --output json)"
  if [ "$(printf '%s' "$perms" | tr -d '[:space:]')" != '[]' ]; then
    awsr "$1" ec2 "revoke-security-group-$3" --group-id "$2" --ip-permissions "$perms" >/dev/null
  fi
}
# image_for REGION: $IMAGE_ID, else the Region's current Amazon Linux 2023 image.
image_for() {
  if [ -n "${"${IMAGE_ID:-}"}" ]; then
    [[ "$IMAGE_ID" =~ ^ami-[0-9a-zA-Z]+$ ]] || die "not an image id: $IMAGE_ID"
    printf '%s' "$IMAGE_ID"
  else
    newid ami "$1" ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameter.Value
  fi
}
`;

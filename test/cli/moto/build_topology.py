#!/usr/bin/env python3
"""Builds the baseline topology T of shared/spec/scenarios.md, and its variants, in a moto server.

Each world (T, or T changed for some scenarios) is built in its own Region of the same moto
server, so that one server holds every account state and the collector reads one world per Region.

Usage: build_topology.py ENDPOINT WORLD=REGION [WORLD=REGION ...]
Prints one JSON object: {world: {"region": ..., "ids": {name: id}}}.

Only talks to ENDPOINT (a moto server on the loopback address); the credentials are moto's dummies.
"""
import io
import json
import sys
import zipfile

import boto3

ACCOUNT = "123456789012"


class World:
    """One Region of the moto server, with the ids of what was built in it."""

    def __init__(self, endpoint: str, region: str):
        session = boto3.session.Session(
            aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region
        )
        self.region = region
        self.ec2 = session.client("ec2", endpoint_url=endpoint)
        self.elbv2 = session.client("elbv2", endpoint_url=endpoint)
        self.rds = session.client("rds", endpoint_url=endpoint)
        self.lam = session.client("lambda", endpoint_url=endpoint)
        self.iam = session.client("iam", endpoint_url=endpoint)
        self.acm = session.client("acm", endpoint_url=endpoint)
        self.ids: dict[str, str] = {}
        zones = self.ec2.describe_availability_zones()["AvailabilityZones"]
        self.az = [z["ZoneName"] for z in zones][:2]

    def tag(self, name: str):
        return [{"Key": "Name", "Value": name}]

    def spec(self, kind: str, name: str):
        return [{"ResourceType": kind, "Tags": self.tag(name)}]

    # --- network ---------------------------------------------------------------------------

    def vpc(self, key: str, cidr: str) -> str:
        vpc_id = self.ec2.create_vpc(CidrBlock=cidr, TagSpecifications=self.spec("vpc", key))["Vpc"]["VpcId"]
        self.ids[key] = vpc_id
        return vpc_id

    def subnet(self, key: str, vpc: str, cidr: str, az: int) -> str:
        subnet_id = self.ec2.create_subnet(
            VpcId=vpc, CidrBlock=cidr, AvailabilityZone=self.az[az], TagSpecifications=self.spec("subnet", key)
        )["Subnet"]["SubnetId"]
        self.ids[key] = subnet_id
        return subnet_id

    def route_table(self, key: str, vpc: str, subnets: list[str]) -> str:
        rt = self.ec2.create_route_table(VpcId=vpc, TagSpecifications=self.spec("route-table", key))["RouteTable"]["RouteTableId"]
        for s in subnets:
            self.ec2.associate_route_table(RouteTableId=rt, SubnetId=s)
        self.ids[key] = rt
        return rt

    def group(self, key: str, vpc: str, description: str, egress_all: bool = True) -> str:
        """A security group named `key`; AWS gives it allow-all egress, revoked unless egress_all."""
        sg = self.ec2.create_security_group(
            GroupName=key, Description=description, VpcId=vpc, TagSpecifications=self.spec("security-group", key)
        )["GroupId"]
        if not egress_all:
            self.ec2.revoke_security_group_egress(
                GroupId=sg, IpPermissions=[{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
            )
        self.ids[key] = sg
        return sg

    def ingress(self, sg: str, proto: str, ports: tuple[int, int] | None, **peer) -> None:
        self.ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[perm(proto, ports, **peer)])

    def egress(self, sg: str, proto: str, ports: tuple[int, int] | None, **peer) -> None:
        self.ec2.authorize_security_group_egress(GroupId=sg, IpPermissions=[perm(proto, ports, **peer)])

    def instance(self, key: str, subnet: str, groups: list[str], public_ip: bool = False, ipv6: str | None = None) -> str:
        nic = {"DeviceIndex": 0, "SubnetId": subnet, "Groups": groups, "AssociatePublicIpAddress": public_ip}
        reply = self.ec2.run_instances(
            ImageId="ami-12c6146b",
            InstanceType="t3.micro",
            MinCount=1,
            MaxCount=1,
            NetworkInterfaces=[nic],
            TagSpecifications=self.spec("instance", key),
        )["Instances"][0]
        if ipv6:
            # moto ignores Ipv6AddressCount at launch; assigning to the ENI afterwards works.
            self.ec2.assign_ipv6_addresses(NetworkInterfaceId=reply["NetworkInterfaces"][0]["NetworkInterfaceId"], Ipv6Addresses=[ipv6])
        self.ids[key] = reply["InstanceId"]
        return reply["InstanceId"]

    def elastic_ip(self, address: str) -> str:
        """moto hands out Elastic IPs in 127.0.0.0/8 unless asked for one; ask for a public-looking one."""
        return self.ec2.allocate_address(Domain="vpc", Address=address)["AllocationId"]

    def nacl(self, key: str, vpc: str, subnets: list[str], entries: list[dict]) -> str:
        """A custom network ACL (deny-all until entries are added), associated with `subnets`."""
        acl = self.ec2.create_network_acl(VpcId=vpc, TagSpecifications=self.spec("network-acl", key))["NetworkAcl"]["NetworkAclId"]
        for e in entries:
            self.ec2.create_network_acl_entry(NetworkAclId=acl, **e)
        self.associate_nacl(acl, vpc, subnets)
        self.ids[key] = acl
        return acl

    def associate_nacl(self, acl: str, vpc: str, subnets: list[str]) -> None:
        acls = self.ec2.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkAcls"]
        for s in subnets:
            assoc = next(a["NetworkAclAssociationId"] for n in acls for a in n["Associations"] if a["SubnetId"] == s)
            self.ec2.replace_network_acl_association(AssociationId=assoc, NetworkAclId=acl)

    def default_nacl_entries(self, vpc: str, entries: list[dict]) -> str:
        """Adds `entries` to the VPC's default network ACL."""
        acl = self.ec2.describe_network_acls(
            Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "default", "Values": ["true"]}]
        )["NetworkAcls"][0]["NetworkAclId"]
        for e in entries:
            self.ec2.create_network_acl_entry(NetworkAclId=acl, **e)
        return acl

    def lambda_function(self, key: str, subnets: list[str], groups: list[str]) -> str:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("index.py", "def handler(event, context):\n    return 'ok'\n")
        role = self.role()
        arn = self.lam.create_function(
            FunctionName=key,
            Runtime="python3.12",
            Role=role,
            Handler="index.handler",
            Code={"ZipFile": buf.getvalue()},
            VpcConfig={"SubnetIds": subnets, "SecurityGroupIds": groups},
        )["FunctionArn"]
        self.ids[key] = arn
        return arn

    def role(self) -> str:
        """Lambda needs an IAM role that exists (moto checks it); IAM is global, so create it once."""
        try:
            return self.iam.get_role(RoleName="tierwise-lambda")["Role"]["Arn"]
        except self.iam.exceptions.NoSuchEntityException:
            trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
            return self.iam.create_role(RoleName="tierwise-lambda", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]

    def database(self, key: str, subnets: list[str], groups: list[str], public: bool) -> str:
        self.rds.create_db_subnet_group(DBSubnetGroupName=f"{key}-subnets", DBSubnetGroupDescription=key, SubnetIds=subnets)
        self.rds.create_db_instance(
            DBInstanceIdentifier=key,
            DBInstanceClass="db.t3.micro",
            Engine="postgres",
            AllocatedStorage=20,
            MasterUsername="app",
            MasterUserPassword="not-a-secret-1",
            DBSubnetGroupName=f"{key}-subnets",
            VpcSecurityGroupIds=groups,
            PubliclyAccessible=public,
            Port=5432,
        )
        self.ids[key] = key
        return key


def perm(proto: str, ports: tuple[int, int] | None, cidr=None, cidr6=None, group=None, peering=None) -> dict:
    p: dict = {"IpProtocol": proto}
    if ports is not None:
        p["FromPort"], p["ToPort"] = ports
    if cidr:
        p["IpRanges"] = [{"CidrIp": cidr}]
    if cidr6:
        p["Ipv6Ranges"] = [{"CidrIpv6": cidr6}]
    if group:
        pair = {"GroupId": group, "UserId": ACCOUNT}
        if peering:
            pair["VpcPeeringConnectionId"] = peering
        p["UserIdGroupPairs"] = [pair]
    return p


def entry(n: int, egress: bool, action: str, proto: str = "-1", ports: tuple[int, int] | None = None, cidr="0.0.0.0/0") -> dict:
    e = {"RuleNumber": n, "Egress": egress, "RuleAction": action, "Protocol": proto}
    e["Ipv6CidrBlock" if ":" in cidr else "CidrBlock"] = cidr
    if ports:
        e["PortRange"] = {"From": ports[0], "To": ports[1]}
    return e


# --- baseline T -------------------------------------------------------------------------------


def baseline(w: World, *, app_admits_alb_group: bool = True, alb_egress=("tcp", (8080, 8080))) -> dict[str, str]:
    """Builds T in `w`; the keywords carry the scenarios that change T's own rules."""
    ec2 = w.ec2
    vpc = w.vpc("main-vpc", "10.0.0.0/16")
    igw = ec2.create_internet_gateway(TagSpecifications=w.spec("internet-gateway", "main-igw"))["InternetGateway"]["InternetGatewayId"]
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    w.ids["main-igw"] = igw

    pa = w.subnet("P-a", vpc, "10.0.1.0/24", 0)
    pb = w.subnet("P-b", vpc, "10.0.11.0/24", 1)
    aa = w.subnet("A-a", vpc, "10.0.2.0/24", 0)
    ab = w.subnet("A-b", vpc, "10.0.12.0/24", 1)
    da = w.subnet("D-a", vpc, "10.0.3.0/24", 0)
    db = w.subnet("D-b", vpc, "10.0.13.0/24", 1)

    public_rt = w.route_table("public-rt", vpc, [pa, pb])
    ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)

    eip = w.elastic_ip("3.120.0.20")
    nat = ec2.create_nat_gateway(SubnetId=pa, AllocationId=eip, TagSpecifications=w.spec("natgateway", "main-nat"))["NatGateway"]["NatGatewayId"]
    w.ids["main-nat"] = nat
    app_rt = w.route_table("app-rt", vpc, [aa, ab])
    ec2.create_route(RouteTableId=app_rt, DestinationCidrBlock="0.0.0.0/0", NatGatewayId=nat)
    w.route_table("db-rt", vpc, [da, db])

    sg_alb = w.group("alb-sg", vpc, "ALB: HTTPS from anywhere", egress_all=False)
    sg_app = w.group("app-sg", vpc, "App: 8080 from the ALB", egress_all=False)
    sg_db = w.group("db-sg", vpc, "DB: 5432 from the app", egress_all=False)
    sg_bastion = w.group("bastion-sg", vpc, "Bastion: SSH from the admin host")
    sg_lambda = w.group("lambda-sg", vpc, "Lambda: outbound only")

    w.ingress(sg_alb, "tcp", (443, 443), cidr="0.0.0.0/0")
    w.egress(sg_alb, alb_egress[0], alb_egress[1], group=sg_app)
    if app_admits_alb_group:
        w.ingress(sg_app, "tcp", (8080, 8080), group=sg_alb)
    else:
        w.ingress(sg_app, "tcp", (8080, 8080), cidr="10.0.1.0/24")
        w.ingress(sg_app, "tcp", (8080, 8080), cidr="10.0.11.0/24")
    w.egress(sg_app, "tcp", (5432, 5432), group=sg_db)
    w.egress(sg_app, "tcp", (443, 443), cidr="0.0.0.0/0")
    w.ingress(sg_db, "tcp", (5432, 5432), group=sg_app)
    w.ingress(sg_bastion, "tcp", (22, 22), cidr="198.51.100.7/32")

    app = w.instance("app", aa, [sg_app])
    bastion = w.instance("bastion", pa, [sg_bastion])
    bastion_eip = w.elastic_ip("3.120.0.10")
    ec2.associate_address(AllocationId=bastion_eip, InstanceId=bastion)

    lb = w.elbv2.create_load_balancer(Name="web-alb", Subnets=[pa, pb], SecurityGroups=[sg_alb], Scheme="internet-facing", Type="application")
    lb_arn = lb["LoadBalancers"][0]["LoadBalancerArn"]
    w.ids["web-alb"] = lb_arn
    tg = w.elbv2.create_target_group(
        Name="app-tg", Protocol="HTTP", Port=8080, VpcId=vpc, HealthCheckPort="8080", TargetType="instance"
    )["TargetGroups"][0]["TargetGroupArn"]
    w.ids["app-tg"] = tg
    w.elbv2.register_targets(TargetGroupArn=tg, Targets=[{"Id": app, "Port": 8080}])
    # An HTTPS listener needs a certificate that exists (moto checks it in ACM).
    cert = w.acm.request_certificate(DomainName="shop.example.com")["CertificateArn"]
    w.elbv2.create_listener(
        LoadBalancerArn=lb_arn,
        Protocol="HTTPS",
        Port=443,
        Certificates=[{"CertificateArn": cert}],
        DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}],
    )

    w.database("orders-db", [da, db], [sg_db], public=False)
    w.lambda_function("order-worker", [aa, ab], [sg_lambda])
    return {"vpc": vpc, "igw": igw, "pa": pa, "pb": pb, "aa": aa, "ab": ab, "da": da, "db": db, "public_rt": public_rt,
            "app_rt": app_rt, "db_rt": w.ids["db-rt"], "sg_alb": sg_alb, "sg_app": sg_app, "sg_db": sg_db,
            "sg_bastion": sg_bastion, "sg_lambda": sg_lambda}


def peer_vpc(w: World, t: dict[str, str], *, route_back: bool) -> None:
    """S07/S08: a second VPC 10.1.0.0/16, peered and active; sg-db admits 5432 from the peer's group."""
    ec2 = w.ec2
    peer = w.vpc("peer-vpc", "10.1.0.0/16")
    subnet = w.subnet("peer-subnet", peer, "10.1.1.0/24", 0)
    rt = w.route_table("peer-rt", peer, [subnet])
    pcx = ec2.create_vpc_peering_connection(VpcId=peer, PeerVpcId=t["vpc"], TagSpecifications=w.spec("vpc-peering-connection", "main-peer"))["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    w.ids["main-peer"] = pcx
    ec2.create_route(RouteTableId=rt, DestinationCidrBlock="10.0.0.0/16", VpcPeeringConnectionId=pcx)
    if route_back:
        ec2.create_route(RouteTableId=t["db_rt"], DestinationCidrBlock="10.1.0.0/16", VpcPeeringConnectionId=pcx)
    sg_peer = w.group("peer-app-sg", peer, "Peer app: all outbound")
    w.ingress(t["sg_db"], "tcp", (5432, 5432), group=sg_peer, peering=pcx)
    w.instance("peer-app", subnet, [sg_peer])


# --- worlds -----------------------------------------------------------------------------------


def world_t(w: World) -> None:
    baseline(w)


def world_extras(w: World) -> None:
    """
    T plus the changes whose flows cannot meet: mostly one resource (or rule) per scenario, and
    S05 (sg-app admits the public subnets' CIDRs instead of sg-alb), S07 (a peered VPC), S19 (IPv6).
    """
    t = baseline(w, app_admits_alb_group=False)
    ec2 = w.ec2
    # S13: an instance in A-a with a public IP, admitting tcp 80 from anywhere.
    sg13 = w.group("s13-sg", t["vpc"], "S13: web from anywhere")
    w.ingress(sg13, "tcp", (80, 80), cidr="0.0.0.0/0")
    w.instance("s13-private-public-ip", t["aa"], [sg13], public_ip=True)
    # S14: an instance in P-a without a public IP, all outbound.
    sg_out = w.group("all-out-sg", t["vpc"], "All outbound, nothing inbound")
    w.instance("s14-no-public-ip", t["pa"], [sg_out])
    # S16: sg-x admits icmp echo (type 8, code -1) from the VPC; the source is an instance in A-a.
    sgx = w.group("s16-sg-x", t["vpc"], "S16: ping from the VPC")
    w.ingress(sgx, "icmp", (8, -1), cidr="10.0.0.0/16")
    w.instance("s16-pinger", t["aa"], [sg_out])
    w.instance("s16-target", t["ab"], [sgx])
    # S17: protocol -1 with ports 22-22 (ports are ignored for -1).
    sg17 = w.group("s17-sg", t["vpc"], "S17: all protocols, ports given")
    w.ingress(sg17, "-1", (22, 22), cidr="10.0.0.0/16")
    w.instance("s17-target", t["ab"], [sg17])
    # S18: one ENI, two groups, public IP in P-a.
    sg18a = w.group("s18-narrow-sg", t["vpc"], "S18: ssh from one host")
    w.ingress(sg18a, "tcp", (22, 22), cidr="203.0.113.1/32")
    sg18b = w.group("s18-wide-sg", t["vpc"], "S18: ssh from anywhere")
    w.ingress(sg18b, "tcp", (22, 22), cidr="0.0.0.0/0")
    w.instance("s18-two-groups", t["pa"], [sg18a, sg18b], public_ip=True)
    # S20: sg-db admits sg-lambda. S23: sg-app admits sg-bastion on 22.
    w.ingress(t["sg_db"], "tcp", (5432, 5432), group=t["sg_lambda"])
    w.ingress(t["sg_app"], "tcp", (22, 22), group=t["sg_bastion"])
    # S22: a Lambda function attached to P-a only.
    w.lambda_function("s22-public-lambda", [t["pa"]], [t["sg_lambda"]])
    # S25/S26: databases in P-a (and P-b: a DB subnet group needs two AZs), admitting 5432 from anywhere.
    sg25 = w.group("s25-db-open-sg", t["vpc"], "S25: 5432 from anywhere", egress_all=False)
    w.ingress(sg25, "tcp", (5432, 5432), cidr="0.0.0.0/0")
    w.database("s25-private-db", [t["pa"], t["pb"]], [sg25], public=False)
    w.database("s26-public-db", [t["pa"], t["pb"]], [sg25], public=True)
    # S27: two instances in the VPC's default group, and a third in another group.
    default_sg = ec2.describe_security_groups(
        Filters=[{"Name": "vpc-id", "Values": [t["vpc"]]}, {"Name": "group-name", "Values": ["default"]}]
    )["SecurityGroups"][0]["GroupId"]
    w.ids["default-sg"] = default_sg
    # AWS gives the default group an inbound rule admitting itself; moto leaves it out, so add it.
    w.ingress(default_sg, "-1", None, group=default_sg)
    w.instance("s27-member-1", t["ab"], [default_sg])
    w.instance("s27-member-2", t["ab"], [default_sg])
    w.instance("s27-outsider", t["ab"], [sg_out])
    # S28: a destination whose group is fresh (no inbound rules).
    sg28 = w.group("s28-fresh-sg", t["vpc"], "S28: fresh group")
    w.instance("s28-target", t["ab"], [sg28])
    # S29: a source whose group has no egress rules; inbound ssh from the VPC still works.
    sg29 = w.group("s29-no-egress-sg", t["vpc"], "S29: no egress", egress_all=False)
    w.ingress(sg29, "tcp", (22, 22), cidr="10.0.0.0/16")
    w.instance("s29-source", t["ab"], [sg29])
    # S07: a peered VPC with routes both ways.
    peer_vpc(w, t, route_back=True)
    # S19: IPv6 on the VPC and P-a.
    s19_ipv6(w, t)


# Changes to T. A world holds several changes when the flows asked of one cannot meet the others'
# changes, so that one collector run serves several scenarios (it costs ~20 aws CLI calls per Region).


def s09_nacl(w: World, t: dict[str, str]) -> None:
    """S09: P-a inbound 90 deny tcp 22, 100 allow all."""
    w.nacl("s09-acl", t["vpc"], [t["pa"]], [
        entry(90, False, "deny", "6", (22, 22)),
        entry(100, False, "allow"),
        entry(100, True, "allow"),
    ])


def s10_nacl(w: World, t: dict[str, str]) -> None:
    """S10: P-a inbound 90 allow all, 100 deny tcp 22."""
    w.nacl("s10-acl", t["vpc"], [t["pa"]], [
        entry(90, False, "allow"),
        entry(100, False, "deny", "6", (22, 22)),
        entry(100, True, "allow"),
    ])


def s11_nacl(w: World, t: dict[str, str]) -> None:
    """S11: a custom NACL on P-a and P-b allowing tcp 443 only, both ways."""
    w.nacl("s11-acl", t["vpc"], [t["pa"], t["pb"]], [
        entry(100, False, "allow", "6", (443, 443)),
        entry(100, True, "allow", "6", (443, 443)),
    ])


def s12_same_subnet(w: World, t: dict[str, str]) -> None:
    """S12: A-a's NACL denies everything; two instances in A-a whose groups admit each other."""
    w.nacl("s12-deny-all-acl", t["vpc"], [t["aa"]], [])
    sg_a = w.group("s12-a-sg", t["vpc"], "S12: peer of b")
    sg_b = w.group("s12-b-sg", t["vpc"], "S12: peer of a")
    w.ingress(sg_a, "tcp", (8080, 8080), group=sg_b)
    w.ingress(sg_b, "tcp", (8080, 8080), group=sg_a)
    w.instance("s12-a", t["aa"], [sg_a])
    w.instance("s12-b", t["aa"], [sg_b])


def s19_ipv6(w: World, t: dict[str, str]) -> None:
    """S19: IPv6 on the VPC and P-a, ::/0 to the IGW, an instance with an IPv6 address admitting 443 from ::/0."""
    ec2 = w.ec2
    ec2.associate_vpc_cidr_block(VpcId=t["vpc"], AmazonProvidedIpv6CidrBlock=True)
    v6 = ec2.describe_vpcs(VpcIds=[t["vpc"]])["Vpcs"][0]["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]
    subnet6 = v6.split("::/")[0].rstrip(":")
    ec2.associate_subnet_cidr_block(SubnetId=t["pa"], Ipv6CidrBlock=f"{subnet6}::/64")
    ec2.create_route(RouteTableId=t["public_rt"], DestinationIpv6CidrBlock="::/0", GatewayId=t["igw"])
    # AWS adds rule 101 (all IPv6) to an unmodified default NACL when the VPC gets IPv6; moto does not.
    w.default_nacl_entries(t["vpc"], [entry(101, False, "allow", cidr="::/0"), entry(101, True, "allow", cidr="::/0")])
    sg = w.group("s19-web6-sg", t["vpc"], "S19: https over IPv6")
    w.ingress(sg, "tcp", (443, 443), cidr6="::/0")
    address = f"{subnet6}::10"
    w.instance("s19-web6", t["pa"], [sg], ipv6=address)
    w.ids["s19-web6-address"] = address


def world_s08_s09_s12(w: World) -> None:
    """S08 (peer -> DB subnets), S09 (P-a inbound NACL, bastion) and S12 (A-a's NACL, inside A-a)."""
    t = baseline(w)
    peer_vpc(w, t, route_back=False)
    s09_nacl(w, t)
    s12_same_subnet(w, t)


def world_s10_s30(w: World) -> None:
    """S10 (P-a inbound NACL, bastion) and S30 (the ALB's egress narrowed to tcp 80)."""
    s10_nacl(w, baseline(w, alb_egress=("tcp", (80, 80))))


def world_s11(w: World) -> None:
    """S11 (P-a/P-b NACLs allow tcp 443 only): it blocks the bastion and the NAT too, so it stands alone."""
    s11_nacl(w, baseline(w))


WORLDS = {
    "t": world_t,
    "extras": world_extras,
    "s08-s09-s12": world_s08_s09_s12,
    "s10-s30": world_s10_s30,
    "s11": world_s11,
}


def main(argv: list[str]) -> None:
    endpoint, pairs = argv[0], argv[1:]
    out = {}
    for pair in pairs:
        name, region = pair.split("=", 1)
        w = World(endpoint, region)
        WORLDS[name](w)
        out[name] = {"region": region, "ids": w.ids}
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])

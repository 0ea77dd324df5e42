/**
 * What kind of network change closed a path, named as an SRE would fix it: a route table's route
 * (replaced, deleted, or left pointing at a NAT gateway that was deleted — a blackhole: outbound
 * traffic from that subnet goes nowhere), a security-group rule, a network ACL entry, a VPC
 * endpoint removed, a database moved to other security groups. "A security group / network ACL
 * change" for a deleted NAT gateway sends the responder to the wrong console page.
 */

export type NetworkChangeKind =
  | "route"
  | "nat_gateway"
  | "security_group"
  | "network_acl"
  | "vpc_endpoint"
  | "database"
  | "interface"

/** The kind of change a CloudTrail event name makes (case-insensitive: causes read lowercased text). */
export const networkChangeKindOf = (eventName: string): NetworkChangeKind => {
  const e = eventName.toLowerCase()
  if (e.includes("natgateway")) return "nat_gateway"
  if (e.includes("route")) return "route"
  if (e.includes("networkacl")) return "network_acl"
  if (e.includes("vpcendpoint")) return "vpc_endpoint"
  if (e.startsWith("modifydb")) return "database"
  if (e.includes("securitygroup")) return "security_group"
  return "interface"
}

/** The words a finding's title gives the change ("route table route to a deleted NAT gateway — egress blackholed"). */
export const networkChangeWords = (kind: NetworkChangeKind): string =>
  ({
    route: "route table route changed — outbound/egress via that route lost",
    nat_gateway: "NAT gateway deleted — route table routes to it are blackholed, egress lost",
    security_group: "security group rule",
    network_acl: "network ACL entry",
    vpc_endpoint: "VPC endpoint removed",
    database: "database security groups changed",
    interface: "security groups of an instance or interface changed",
  })[kind]

const labels: Record<NetworkChangeKind, string> = {
  route: "outbound path closed by a route table change (egress route replaced/deleted; connections time out)",
  nat_gateway:
    "outbound path closed: route table points at a deleted NAT gateway (egress blackholed; connections time out)",
  security_group: "network path closed by a security group rule change (connections time out)",
  network_acl: "network path closed by a network ACL change (connections time out)",
  vpc_endpoint: "network path closed by a VPC endpoint removal (connections time out)",
  database: "network path closed by a database security group change (connections time out)",
  interface:
    "network path closed by a security group change on an instance or interface (connections time out)",
}

/**
 * The cause's label for a closed-path finding's text: its change's event name ("closed by
 * DeleteNatGateway on …") names the kind; flow-log REJECTs alone name none of them.
 */
export const closedPathLabel = (text: string): string => {
  const event = /closed by ([a-z0-9]+) on /i.exec(text)?.[1]
  return event === undefined
    ? "network path closed: packets dropped (VPC flow logs REJECT; connections time out)"
    : labels[networkChangeKindOf(event)]
}

/**
 * A node that has no IP address to give a new pod, in the Amazon VPC CNI's own words (ipamd's log
 * `/var/log/aws-routed-eni/ipamd.log`, the plugin's `plugin.log`, aws-node's output): the node's
 * subnet out of free addresses (EC2's `InsufficientFreeAddressesInSubnet`, with prefix delegation
 * `InsufficientCidrBlocks`), the node at its own ENI or per-ENI address limit
 * (`AttachmentLimitExceeded`, `PrivateIpAddressLimitExceeded`, "max ENI limit reached"), or its
 * warm pool simply empty ("AssignPodIPv4Address: no available IP/Prefix addresses"). The pods
 * scheduled there stay ContainerCreating with FailedCreatePodSandBox; their own logs are empty.
 * The subnet is named when a line names it (`subnet-0a1b2c3d`), so the report can say which. Pure.
 */

/** Strongest first: a subnet out of addresses explains a node's empty pool, not the reverse. */
export type PodIpShortage = "subnet" | "node_limit" | "pool_empty"

const shortages: ReadonlyArray<readonly [PodIpShortage, RegExp, string]> = [
  [
    "subnet",
    /\bInsufficientFreeAddressesInSubnet\b|\bInsufficientCidrBlocks\b|\bnot enough free (?:addresses|cidr blocks) in (?:the )?subnet\b|\bsubnet (?:\S+ )?(?:has|had) no (?:more )?(?:free|available) (?:ip )?addresses\b/i,
    "subnet has no free IP addresses",
  ],
  [
    "node_limit",
    /\bAttachmentLimitExceeded\b|\bPrivateIpAddressLimitExceeded\b|\bmax(?:imum)? (?:number of )?enis?(?: limit)?(?: of \d+)?(?: is)? (?:already )?(?:reached|exceeded)\b|\b(?:reached|exceeded) (?:the )?max(?:imum)? (?:number of )?enis?\b/i,
    "node at its ENI / IP address limit",
  ],
  [
    "pool_empty",
    /\bno available ip(?:\/prefix)?(?: addresses| address|s)?\b|\bfailed to assign an ip address to container\b/i,
    "no free pod IPs left on the node",
  ],
]

/** Any of the shortages' words (for a finding's failure mode). */
export const podIpShortageWords: RegExp = new RegExp(shortages.map(([, re]) => re.source).join("|"), "i")

/** The Logs Insights regex for the lines stating a shortage (case-insensitive, no lookarounds). */
export const podIpShortageFilter =
  "/(?i)(InsufficientFreeAddressesInSubnet|InsufficientCidrBlocks|not enough free (addresses|cidr blocks) in|subnet (\\S+ )?(has|had) no (more )?(free|available) (ip )?addresses|AttachmentLimitExceeded|PrivateIpAddressLimitExceeded|max(imum)? (number of )?ENIs?( limit)?( of [0-9]+)?( is)? (already )?(reached|exceeded)|no available IP|failed to assign an IP address to container)/"

/** The shortage a CNI line states, how a report names it, and the subnet it names; null when none. */
export const podIpShortageOf = (
  message: string,
): { readonly shortage: PodIpShortage; readonly what: string; readonly subnet: string | null } | null => {
  const hit = shortages.find(([, re]) => re.test(message))
  if (hit === undefined) return null
  const subnet = /\bsubnet-[0-9a-f]{8,17}\b/i.exec(message)?.[0]?.toLowerCase() ?? null
  return { shortage: hit[0], what: hit[2], subnet }
}

/** The shortages from strongest to weakest (the order of `PodIpShortage`). */
export const shortageRank = (s: PodIpShortage): number => shortages.findIndex(([k]) => k === s)

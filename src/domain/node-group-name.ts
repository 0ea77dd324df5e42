/**
 * How people name an EKS managed node group: the cluster-autoscaler sees its Auto Scaling group
 * (`eks-<nodegroup>-<uuid>`), the console and the runbooks say `<nodegroup>`. Pure.
 */
export const nodeGroupDisplay = (group: string): string =>
  group.replace(/^eks-/, "").replace(/-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, "")

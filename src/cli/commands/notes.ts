/** Help paragraphs several commands share. */
export const INPUTS_NOTE =
  'Inputs: one Tierwise design file, or the files of one input: an AWS describe bundle (as `tierwise collect` writes it, or aws CLI --output json files), Terraform state, `terraform show -json` output, Terraform .tf/.tf.json files, or CloudFormation templates (YAML or JSON). Each file is recognised by its content. A folder means every .json, .yaml, .yml, .template, .tf and .tfstate file under it (hidden folders such as .terraform are skipped).';

export const REF_NOTE =
  'REF: an AWS id (instance i-…, network interface eni-…, load balancer ARN), a Name tag, a load balancer name, an RDS DB identifier, a Lambda function name, an external network\'s name, `internet`, or an IPv4/IPv6 address (the resource that owns it, else a host outside at that address).';

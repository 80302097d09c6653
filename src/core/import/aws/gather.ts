/**
 * Gathers the lists of every input under their describe key, whatever file they came in: the
 * bundle may be one file per command, one merged object, or any mix.
 */
import { Cursor, describeValue } from './cursor.ts';
import { DESCRIBE_KEYS, FUNCTION_TAGS_KEY, PREFIX_LIST_ENTRIES_KEY, recogniseJson, type DescribeKey } from './recognise.ts';

/** Every describe list of the bundle, item by item, each item still knowing its file and path. */
export interface Sections {
  lists: Record<DescribeKey, Cursor[]>;
  /** describe-target-health items with the target group the collector named at the file's top. */
  targetHealth: Array<{ targetGroupArn: string | undefined; item: Cursor }>;
  /** get-managed-prefix-list-entries items with the list the collector named at the file's top. */
  prefixListEntries: Array<{ prefixListId: string; item: Cursor }>;
  /** lambda list-tags maps (key to value) with the function the collector named at the file's top. */
  functionTags: Array<{ functionArn: string | undefined; tags: Cursor }>;
  /** Region names the collector wrote at a file's top (`"Region": "eu-west-1"`). */
  regions: string[];
}

const HINTS: Record<string, string> = {
  'terraform-state': 'It looks like Terraform state: import it as Terraform.',
  'terraform-plan': 'It looks like `terraform show -json` output: import it as Terraform.',
  cloudformation: 'It looks like a CloudFormation template: import it as CloudFormation.',
};

/** Sections with every list empty, ready for gatherInput. */
export function emptySections(): Sections {
  const lists = Object.fromEntries(Object.keys(DESCRIBE_KEYS).map((k) => [k, [] as Cursor[]])) as unknown as Record<DescribeKey, Cursor[]>;
  return { lists, targetHealth: [], prefixListEntries: [], functionTags: [], regions: [] };
}

/** Adds one input's lists to the sections; refuses a file that holds no describe output. */
export function gatherInput(root: Cursor, into: Sections): void {
  const recognition = recogniseJson(root.value);
  if (recognition.kind === 'design') {
    root.fail('is a Tierwise design file (it has schemaVersion), not AWS describe output: open it as a design.', 'import/design-file');
  }
  if (typeof root.value !== 'object' || root.value === null || Array.isArray(root.value)) {
    root.fail(`should be a JSON object with keys such as "SecurityGroups" or "Vpcs", but it is ${describeValue(root.value)}.`, 'import/unrecognised');
  }
  if (recognition.describeKeys.length === 0) {
    const keys = recognition.topLevelKeys;
    const shown = keys.length === 0 ? 'no keys' : `the keys ${keys.slice(0, 12).map((k) => JSON.stringify(k)).join(', ')}${keys.length > 12 ? ', …' : ''}`;
    const entriesHint = keys.includes(PREFIX_LIST_ENTRIES_KEY)
      ? ' "Entries" alone (get-managed-prefix-list-entries) needs a top-level "PrefixListId" naming its list.'
      : '';
    root.fail(
      `holds no AWS describe output: it has ${shown}, none of ${Object.keys(DESCRIBE_KEYS).join(', ')}.${entriesHint}${HINTS[recognition.kind] ? ` ${HINTS[recognition.kind]}` : ''}`,
      'import/unrecognised',
    );
  }

  const region = root.str('Region');
  if (region) into.regions.push(region.trim());

  for (const key of recognition.describeKeys) {
    if (key === PREFIX_LIST_ENTRIES_KEY) {
      const prefixListId = root.id('PrefixListId');
      for (const item of root.objects(key)) into.prefixListEntries.push({ prefixListId, item });
    } else if (key === FUNCTION_TAGS_KEY) {
      const functionArn = root.optionalId('FunctionArn');
      const tags = root.at(key);
      if (tags.missing) continue;
      if (typeof tags.value !== 'object' || Array.isArray(tags.value)) {
        tags.fail(`should be an object of tag keys and values (what lambda list-tags prints), but it is ${describeValue(tags.value)}.`);
      }
      into.functionTags.push({ functionArn, tags });
    } else if (key === 'TargetHealthDescriptions') {
      const targetGroupArn = root.optionalId('TargetGroupArn');
      for (const item of root.objects(key)) into.targetHealth.push({ targetGroupArn, item });
    } else {
      // ManagedPrefixLists is an alias some tools write for PrefixLists.
      const bucket: DescribeKey = key === 'ManagedPrefixLists' ? 'PrefixLists' : (key as DescribeKey);
      into.lists[bucket].push(...root.objects(key));
    }
  }
}

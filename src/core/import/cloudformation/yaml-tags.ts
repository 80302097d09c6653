/**
 * CloudFormation's YAML short forms (!Ref, !GetAtt, !Sub, …) as `yaml` custom tags. Each tag turns
 * into the JSON long form (`{ "Fn::Join": [...] }`), so the rest of the importer reads one shape
 * whatever the template was written in.
 */
import type { Tags } from 'yaml';

/** Short tag name to the long-form key it stands for. */
const FUNCTIONS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  GetAtt: 'Fn::GetAtt',
  Sub: 'Fn::Sub',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  GetAZs: 'Fn::GetAZs',
  If: 'Fn::If',
  Equals: 'Fn::Equals',
  Not: 'Fn::Not',
  And: 'Fn::And',
  Or: 'Fn::Or',
  FindInMap: 'Fn::FindInMap',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  ImportValue: 'Fn::ImportValue',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
};

/** One intrinsic call in long form. */
function call(key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/** `!GetAtt Resource.Attribute` splits at the first dot: attributes such as Endpoint.Port keep theirs. */
function getAttScalar(text: string): unknown {
  const dot = text.indexOf('.');
  return dot < 0 ? text : [text.slice(0, dot), text.slice(dot + 1)];
}

/** The custom tags for `yaml`'s parseDocument: every short form as a scalar, a sequence and a mapping. */
export const CLOUDFORMATION_TAGS: Tags = Object.entries(FUNCTIONS).flatMap(([name, key]) => [
  {
    tag: `!${name}`,
    resolve: (text: string) => call(key, name === 'GetAtt' ? getAttScalar(text) : text),
  },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (seq: { toJSON(): unknown }) => call(key, seq.toJSON()),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (map: { toJSON(): unknown }) => call(key, map.toJSON()),
  },
]);

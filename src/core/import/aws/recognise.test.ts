import { describe, expect, it } from 'vitest';
import { DESCRIBE_KEYS, recogniseJson, recogniseText } from './recognise.ts';

describe('recognising inputs by content', () => {
  it('tells a describe bundle by its top-level keys, whatever else it holds', () => {
    expect(recogniseJson({ SecurityGroups: [], NextToken: 'x' })).toEqual({ kind: 'describe-bundle', describeKeys: ['SecurityGroups'], topLevelKeys: ['SecurityGroups', 'NextToken'] });
    expect(recogniseJson({ Reservations: [], Vpcs: null }).describeKeys).toEqual(['Vpcs', 'Reservations']);
    expect(recogniseJson({ PrefixListId: 'pl-1', Entries: [] }).describeKeys).toEqual(['Entries']);
    expect(recogniseJson({ Entries: [] }).kind).toBe('unknown');
    expect(recogniseJson({ TagDescriptions: [] }).describeKeys).toEqual(['TagDescriptions']);
    // lambda list-tags: a map, with or without the FunctionArn the collector adds; a Tags list alone is ec2 describe-tags.
    expect(recogniseJson({ FunctionArn: 'arn:aws:lambda:eu-west-1:1:function:f', Tags: { Name: 'x' } }).describeKeys).toEqual(['Tags']);
    expect(recogniseJson({ FunctionArn: 'arn', Tags: [] }).describeKeys).toEqual(['Tags']);
    expect(recogniseJson({ Tags: {} }).describeKeys).toEqual(['Tags']);
    expect(recogniseJson({ Tags: [] }).kind).toBe('unknown');
    expect(recogniseJson({ Tags: null }).kind).toBe('unknown');
    for (const key of Object.keys(DESCRIBE_KEYS)) expect(recogniseJson({ [key]: [] }).kind).toBe('describe-bundle');
  });

  it('tells a design file by its schemaVersion, even beside describe keys', () => {
    expect(recogniseJson({ schemaVersion: 1, vpcs: {} }).kind).toBe('design');
    expect(recogniseJson({ schemaVersion: 1, SecurityGroups: [] }).kind).toBe('design');
  });

  it('tells the inputs of other importers apart', () => {
    expect(recogniseJson({ version: 4, terraform_version: '1.6.0', resources: [] }).kind).toBe('terraform-state');
    expect(recogniseJson({ format_version: '1.2', values: { root_module: {} } }).kind).toBe('terraform-plan');
    expect(recogniseJson({ Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup' } } }).kind).toBe('cloudformation');
    expect(recogniseText('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n').kind).toBe('cloudformation');
    expect(recogniseText('resource "aws_security_group" "web" {\n}\n').kind).toBe('terraform-hcl');
  });

  it('calls anything else unknown, keeping its keys for the message', () => {
    expect(recogniseJson({ foo: 1 })).toEqual({ kind: 'unknown', describeKeys: [], topLevelKeys: ['foo'] });
    expect(recogniseJson([1]).kind).toBe('unknown');
    expect(recogniseJson(null).kind).toBe('unknown');
    expect(recogniseText('{ not json').kind).toBe('unknown');
    expect(recogniseText('\uFEFF{"Vpcs": []}').kind).toBe('describe-bundle');
  });
});

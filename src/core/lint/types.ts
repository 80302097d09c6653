/**
 * The linter's vocabulary. A rule is data plus a pure check; the catalogue is the list of rules.
 * Findings carry everything a person needs to act: what, where, how bad (from real exposure),
 * why it matters, how to fix it, what other tools call it, and where possible a one-click fix
 * expressed as a model command.
 */
import type { Design } from '../model/types.ts';
import type { CommandResult } from '../model/commands/common.ts';
import type { ExposureResult } from '../engine/types.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Highest first: the order panels and exit codes use. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Where a finding points, so the UI can select and centre it. */
export type FindingTarget =
  | { kind: 'security-group'; groupId: string }
  | { kind: 'rule'; groupId: string; direction: 'ingress' | 'egress'; ruleId: string }
  | { kind: 'network-acl'; networkAclId: string; ruleNumber?: number; egress?: boolean }
  | { kind: 'resource'; resourceId: string }
  | { kind: 'subnet'; subnetId: string }
  | { kind: 'route-table'; routeTableId: string }
  | { kind: 'load-balancer'; resourceId: string; targetGroupId?: string };

/** A one-click fix: a label for the button and a pure command that applies it. */
export interface QuickFix {
  label: string;
  apply: (design: Design) => CommandResult;
}

export interface Finding {
  /**
   * Stable across runs for the same problem (rule id + the ids it is about), so the UI can keep
   * a finding selected or dismissed while the design changes elsewhere.
   */
  id: string;
  ruleId: string;
  severity: Severity;
  /** One line with names and numbers: "WebSG admits tcp 22 (SSH) from 0.0.0.0/0". */
  message: string;
  /** One sentence on the risk. */
  risk: string;
  /** A concrete fix in words. */
  fix: string;
  /** Equivalent ids in other tools (Security Hub EC2.13, CIS 5.2, Checkov CKV_AWS_24, …). */
  anchors: readonly string[];
  /** What it points at; the first is the primary target. */
  targets: FindingTarget[];
  /** Resources affected (members of the group, subnet residents…). */
  resourceIds: string[];
  quickFix?: QuickFix;
}

/**
 * What rules may read besides the design: computed once per lint run, lazily, so a rule that
 * needs exposure from the Internet shares one computation with every other rule.
 */
export interface LintContext {
  design: Design;
  /** Everything the Internet reaches (engine exposure, multi-hop). */
  internetExposure(): ExposureResult;
}

export interface LintRule {
  id: string;
  title: string;
  /** The default severity; a check may raise or lower it per finding with real exposure. */
  severity: Severity;
  anchors: readonly string[];
  /** 'scanner' rules match what Prowler, Security Hub, CIS, Checkov, Trivy, KICS, ScoutSuite check; 'design' rules need the whole network. */
  family: 'scanner' | 'design';
  check(ctx: LintContext): Finding[];
}

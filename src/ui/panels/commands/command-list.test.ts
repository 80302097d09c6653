import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign } from '../../../core/model/index.ts';
import { designStore, openDesign } from '../../store/index.ts';
import { buildCommands, filterCommands } from './command-list.ts';

const state = () => designStore.getState();

beforeEach(() => {
  openDesign(emptyDesign());
  designStore.setState({ selectedId: null, notices: [] });
});

describe('the command palette list', () => {
  it('offers to add palette items where the keyboard path would put them', () => {
    state().place('vpc', {});
    const labels = buildCommands(state()).map((c) => c.label);
    expect(labels).toContain('Add Public subnet to vpc-1');
    expect(labels).toContain('Add VPC');
  });

  it('moves the selected resource to another subnet and attaches groups, by command', () => {
    state().place('vpc', {});
    const vpc = state().selectedId!;
    state().place('public-subnet', { vpcId: vpc });
    const pub = state().selectedId!;
    state().place('private-subnet', { vpcId: vpc });
    state().place('instance', { subnetId: pub });
    const web = state().selectedId!;
    const move = filterCommands(buildCommands(state()), 'move private')[0]!;
    expect(move.label).toBe('Move web-1 to private-a (private)');
    move.run();
    expect(state().design.resources[web]!.enis[0]!.privateIps).toEqual(['10.0.2.4']);
    expect(filterCommands(buildCommands(state()), 'detach default')[0]!.label).toBe('Detach default from web-1');
  });

  it('filters by every word, in any order', () => {
    const cmds = buildCommands(state());
    expect(filterCommands(cmds, 'theme dark').map((c) => c.label)).toEqual(['Switch to the dark theme']);
    expect(filterCommands(cmds, '')).toHaveLength(cmds.length);
  });

  it('asks the path questions about the selection', () => {
    state().place('vpc', {});
    state().place('public-subnet', { vpcId: state().selectedId! });
    state().place('instance', { subnetId: state().selectedId! });
    const web = state().selectedId!;
    filterCommands(buildCommands(state()), 'who can reach web-1')[0]!.run();
    expect(state().pathQuery).toEqual({ mode: 'to', target: web, filter: { protocol: 'all' } });
    filterCommands(buildCommands(state()), 'reach from web-1')[0]!.run();
    expect(state().pathQuery).toEqual({ mode: 'from', source: { kind: 'resource', id: web }, filter: { protocol: 'all' } });
    filterCommands(buildCommands(state()), 'reach from the internet')[0]!.run();
    expect(state().pathQuery).toEqual({ mode: 'from', source: { kind: 'internet' }, filter: { protocol: 'all' } });
    expect(state().pathsOpen).toBe(true);
    expect(filterCommands(buildCommands(state()), 'close the paths').map((c) => c.label)).toEqual(['Close the paths']);
  });

  it('opens the export dialog, and offers the share link', () => {
    designStore.setState({ exportOpen: false });
    const cmds = buildCommands(state());
    expect(filterCommands(cmds, 'export').map((c) => c.label)).toEqual(['Export… (design file, AWS CLI, Terraform, CloudFormation, PNG, SVG)']);
    expect(filterCommands(cmds, 'terraform').map((c) => c.id)).toEqual(['import', 'export']);
    filterCommands(cmds, 'export')[0]!.run();
    expect(state().exportOpen).toBe(true);
    expect(filterCommands(cmds, 'share link').map((c) => c.label)).toEqual(['Copy share link']);
  });
});

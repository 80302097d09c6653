import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDesign, renameResource } from '../../core/model/index.ts';
import { designStore, openDesign, redo, undo } from './index.ts';

const state = () => designStore.getState();
const history = () => designStore.temporal.getState();

beforeEach(() => {
  openDesign(emptyDesign('Test'));
  designStore.setState({ notices: [], selectedId: null });
});

describe('the design store', () => {
  it('places an item, selects it, and records one undo step', () => {
    expect(state().place('vpc', {})).toBe(true);
    const vpcId = Object.keys(state().design.vpcs)[0]!;
    expect(state().selectedId).toBe(vpcId);
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(state().design.vpcs).toEqual({});
    redo();
    expect(Object.keys(state().design.vpcs)).toEqual([vpcId]);
  });

  it('turns a refused command into a notice and changes nothing', () => {
    const before = state().design;
    expect(state().place('database', {})).toBe(false);
    expect(state().design).toBe(before);
    expect(state().notices.map((n) => n.text)).toEqual(['An RDS database goes inside a subnet: drop it onto a private subnet (add a VPC and a subnet from the palette first).']);
    expect(history().pastStates).toHaveLength(0);
  });

  it('never records selection or theme changes as undo steps', () => {
    state().place('vpc', {});
    state().select(null);
    state().setTheme('dark');
    state().notify('hello', 'info');
    expect(history().pastStates).toHaveLength(1);
  });

  it('applies command results through run()', () => {
    state().place('vpc', {});
    const vpcId = state().selectedId!;
    state().place('public-subnet', { vpcId });
    const subnetId = state().selectedId!;
    state().place('instance', { subnetId });
    const web = state().selectedId!;
    expect(state().run(renameResource, web, 'frontend')).toBe(true);
    expect(state().design.resources[web]!.name).toBe('frontend');
    expect(state().run(renameResource, web, '')).toBe(false);
    expect(state().notices.at(-1)!.text).toBe('Name must not be empty.');
  });

  it('starts a fresh history when another design is opened', () => {
    state().place('vpc', {});
    openDesign(emptyDesign('Other'));
    expect(history().pastStates).toHaveLength(0);
    expect(state().design.name).toBe('Other');
  });
});

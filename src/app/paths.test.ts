import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addRule, renameDesign, setLayout } from '../core/model/index.ts';
import { FIRST_VISIT_TEMPLATE } from '../core/templates/index.ts';
import { designStore, openDesign } from '../ui/store/index.ts';
import { computePaths } from '../ui/placement/paths/view.ts';
import { startPaths } from './paths.ts';

const state = () => designStore.getState();
const ssh = { match: { protocol: 'tcp' as const, ports: { from: 22, to: 22 } }, peer: { kind: 'cidr' as const, cidr: '0.0.0.0/0' } };
let stop: () => void = () => {};

beforeEach(() => {
  vi.useFakeTimers();
  openDesign(FIRST_VISIT_TEMPLATE.build());
  state().setPathsOpen(false);
  state().clearPaths();
  state().setPathsView(null);
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('paths follow the question and the network', () => {
  it('computes nothing while no question is asked or the panel is closed', () => {
    const compute = vi.fn(computePaths);
    stop = startPaths(designStore, compute, 200, 30);
    vi.advanceTimersByTime(500);
    state().setPathsOpen(true);
    vi.advanceTimersByTime(500);
    expect(compute).not.toHaveBeenCalled();
    expect(state().pathsView).toBeNull();
  });

  it('answers a question a moment after it is asked, and puts its marks on the canvas', () => {
    const compute = vi.fn(computePaths);
    stop = startPaths(designStore, compute, 200, 30);
    state().reachFrom({ kind: 'internet' });
    expect(state().pathsOpen).toBe(true);
    expect(compute).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(state().pathsView?.heading).toBe('Reach from the Internet');
    expect(state().pathMarks['db-1']).toBe('reached|tcp 5432||');
    expect(state().pathDim).toBe(true);
    expect(state().pathEdges.map((e) => e.id)).toContain('path:app-1->db-1');
  });

  it('re-runs once after a network change settles, showing the new path without a click', () => {
    const compute = vi.fn(computePaths);
    stop = startPaths(designStore, compute, 200, 30);
    state().reachFrom({ kind: 'internet' });
    vi.advanceTimersByTime(30);
    expect(state().pathEdges.map((e) => e.id)).not.toContain('path:web-1->db-1');
    state().run(addRule, 'sg-db', 'ingress', ssh);
    vi.advanceTimersByTime(100);
    state().run(renameDesign, 'Renamed');
    vi.advanceTimersByTime(150);
    // Debounced from the network edit, not restarted by the rename.
    expect(compute).toHaveBeenCalledTimes(2);
    expect(state().pathEdges.find((e) => e.id === 'path:web-1->db-1')).toMatchObject({ tone: 'reach', label: 'tcp 22' });
    expect(state().pathMarks['db-1']).toBe('reached|tcp 22, 5432||');
  });

  it('never re-runs for a layout-only change (a committed drag) or a rename', () => {
    const compute = vi.fn(computePaths);
    stop = startPaths(designStore, compute, 200, 30);
    state().reachFrom({ kind: 'internet' });
    vi.advanceTimersByTime(30);
    const web = state().design.layout['web-1']!;
    state().run(setLayout, { 'web-1': { ...web, x: web.x + 40 } });
    state().run(renameDesign, 'Moved');
    vi.advanceTimersByTime(1000);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('follows a new filter or target, and clears the canvas at once when closed', () => {
    const compute = vi.fn(computePaths);
    stop = startPaths(designStore, compute, 200, 30);
    state().reachFrom({ kind: 'internet' });
    vi.advanceTimersByTime(30);
    state().setPathFilter({ protocol: 'tcp', port: 8080 });
    state().setPathTarget({ kind: 'resource', id: 'app-1' });
    vi.advanceTimersByTime(30);
    expect(compute).toHaveBeenCalledTimes(2);
    expect(state().pathsView?.target?.blockers[0]?.code).toBe('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS');
    state().setPathsOpen(false);
    expect(state().pathsView).toBeNull();
    expect(state().pathMarks).toEqual({});
    expect(state().pathEdges).toEqual([]);
    // The question is kept: reopening answers it again.
    state().setPathsOpen(true);
    vi.advanceTimersByTime(30);
    expect(state().pathsView?.heading).toBe('From the Internet to app-1');
  });

  it('asks who can reach the selected resource, keeping the filter', () => {
    stop = startPaths(designStore, computePaths, 200, 30);
    state().reachFrom({ kind: 'internet' });
    state().setPathFilter({ protocol: 'tcp', port: 5432 });
    state().whoCanReach('db-1');
    vi.advanceTimersByTime(30);
    expect(state().pathQuery).toEqual({ mode: 'to', target: 'db-1', filter: { protocol: 'tcp', port: 5432 } });
    expect(state().pathsView?.reachers?.map((r) => r.sourceName)).toEqual(['Internet', 'CorpNet', 'VendorNet', 'web-1', 'web-2', 'app-1', 'app-2']);
  });

  it('stops listening when stopped', () => {
    const compute = vi.fn(computePaths);
    stop = startPaths(designStore, compute, 200, 30);
    stop();
    state().reachFrom({ kind: 'internet' });
    vi.advanceTimersByTime(1000);
    expect(compute).not.toHaveBeenCalled();
  });
});

describe('paths answered later (the worker)', () => {
  it('runs one question at a time and drops an answer to a question asked since', async () => {
    const answers: Array<() => void> = [];
    const compute = vi.fn((d: Parameters<typeof computePaths>[0], q: Parameters<typeof computePaths>[1]) => new Promise<ReturnType<typeof computePaths>>((resolve) => answers.push(() => resolve(computePaths(d, q)))));
    stop = startPaths(designStore, compute, 200, 30);
    state().reachFrom({ kind: 'internet' });
    vi.advanceTimersByTime(30);
    expect(compute).toHaveBeenCalledTimes(1);
    // A new question while the first is being answered waits for it rather than running beside it.
    state().whoCanReach('db-1');
    vi.advanceTimersByTime(30);
    expect(compute).toHaveBeenCalledTimes(1);
    answers[0]!();
    await vi.waitFor(() => expect(compute).toHaveBeenCalledTimes(2));
    // The first answer was for the old question: never shown.
    expect(state().pathsView).toBeNull();
    answers[1]!();
    await vi.waitFor(() => expect(state().pathsView?.heading).toBe('Who can reach db-1?'));
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLint, type Finding } from '../core/lint/index.ts';
import { addRule, renameDesign, setLayout, type Design } from '../core/model/index.ts';
import { FIRST_VISIT_TEMPLATE } from '../core/templates/index.ts';
import { designStore, openDesign } from '../ui/store/index.ts';
import { startFindings } from './findings.ts';

const state = () => designStore.getState();
let stop: () => void = () => {};

beforeEach(() => {
  vi.useFakeTimers();
  openDesign(FIRST_VISIT_TEMPLATE.build());
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('findings follow the network', () => {
  it('lints once a moment after start, then again only after a network change settles', () => {
    const lint = vi.fn(runLint);
    stop = startFindings(designStore, lint, 200);
    expect(lint).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(lint).toHaveBeenCalledTimes(1);
    expect(state().findings.length).toBeGreaterThan(0);

    const ssh = { match: { protocol: 'tcp' as const, ports: { from: 22, to: 22 } }, peer: { kind: 'cidr' as const, cidr: '0.0.0.0/0' } };
    state().run(addRule, 'sg-db', 'ingress', ssh);
    vi.advanceTimersByTime(100);
    state().run(renameDesign, 'Renamed');
    vi.advanceTimersByTime(150);
    // Debounced from the last network edit, not restarted by the rename.
    expect(lint).toHaveBeenCalledTimes(2);
    expect(state().findings.some((f) => f.ruleId === 'sg-admin-port-world' && f.message.startsWith('DBSG'))).toBe(true);
  });

  it('never re-runs for a layout-only change (a committed drag) or a rename', () => {
    const lint = vi.fn(runLint);
    stop = startFindings(designStore, lint, 200);
    vi.advanceTimersByTime(200);
    const webLayout = state().design.layout['web-1']!;
    state().run(setLayout, { 'web-1': { ...webLayout, x: webLayout.x + 40 } });
    state().run(renameDesign, 'Moved');
    vi.advanceTimersByTime(1000);
    expect(lint).toHaveBeenCalledTimes(1);
  });

  it('opening another design clears the last one\'s findings until its own run answers, even with the same network', () => {
    const lint = vi.fn(runLint);
    stop = startFindings(designStore, lint, 200);
    vi.advanceTimersByTime(200);
    expect(state().findingsReady).toBe(true);
    const count = state().findings.length;
    expect(count).toBeGreaterThan(0);
    expect(Object.keys(state().findingBadges).length).toBeGreaterThan(0);

    // The same template again: a new design object whose network is equal, not the same objects.
    openDesign(FIRST_VISIT_TEMPLATE.build());
    expect(state().findingsReady).toBe(false);
    expect(state().findings).toEqual([]);
    expect(state().findingBadges).toEqual({});
    vi.advanceTimersByTime(200);
    expect(lint).toHaveBeenCalledTimes(2);
    expect(state().findingsReady).toBe(true);
    expect(state().findings.length).toBe(count);

    // The very same design object (its network the one just checked) still gets a run of its own.
    openDesign(state().design);
    expect(state().findingsReady).toBe(false);
    vi.advanceTimersByTime(200);
    expect(lint).toHaveBeenCalledTimes(3);
    expect(state().findings.length).toBe(count);
  });

  it('stops listening when stopped', () => {
    const lint = vi.fn(runLint);
    stop = startFindings(designStore, lint, 200);
    stop();
    vi.advanceTimersByTime(1000);
    expect(lint).not.toHaveBeenCalled();
  });

  it('with a linter that answers later: one run at a time, and findings of a network changed since are dropped', async () => {
    const answers: Array<{ design: Design; resolve: (f: Finding[]) => void }> = [];
    const lint = vi.fn((design: Design) => new Promise<Finding[]>((resolve) => answers.push({ design, resolve })));
    stop = startFindings(designStore, lint, 200);
    vi.advanceTimersByTime(200);
    expect(lint).toHaveBeenCalledTimes(1);

    // Two edits while the first run is out: no second run yet, one more once it answers.
    const ssh = { match: { protocol: 'tcp' as const, ports: { from: 22, to: 22 } }, peer: { kind: 'cidr' as const, cidr: '0.0.0.0/0' } };
    state().run(addRule, 'sg-db', 'ingress', ssh);
    vi.advanceTimersByTime(200);
    state().run(addRule, 'sg-app', 'ingress', ssh);
    vi.advanceTimersByTime(200);
    expect(lint).toHaveBeenCalledTimes(1);

    const stale = { ...runLint(answers[0]!.design)[0]!, id: 'stale' };
    answers[0]!.resolve([stale]);
    await vi.waitFor(() => expect(lint).toHaveBeenCalledTimes(2));
    expect(state().findings.some((f) => f.id === 'stale')).toBe(false);
    expect(answers[1]!.design).toBe(state().design);

    answers[1]!.resolve(runLint(answers[1]!.design));
    await vi.waitFor(() => expect(state().findings.some((f) => f.ruleId === 'sg-admin-port-world' && f.message.startsWith('AppSG'))).toBe(true));
    expect(lint).toHaveBeenCalledTimes(2);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLint } from '../core/lint/index.ts';
import { addRule, renameDesign, setLayout } from '../core/model/index.ts';
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

  it('stops listening when stopped', () => {
    const lint = vi.fn(runLint);
    stop = startFindings(designStore, lint, 200);
    stop();
    vi.advanceTimersByTime(1000);
    expect(lint).not.toHaveBeenCalled();
  });
});

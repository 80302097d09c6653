/**
 * The findings drawer under the canvas: severity toggles with counts, a text filter, and the
 * findings grouped most severe first. Wide rather than tall, so long messages read in one line.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { SEVERITIES, type Severity } from '../../../core/lint/index.ts';
import { IconButton } from '../../components/Button.tsx';
import { SEVERITY_STYLE } from '../../components/severity.ts';
import { designStore, useStore } from '../../store/index.ts';
import { FindingItem } from './FindingItem.tsx';
import { groupFindings, severityCounts } from './findings-view.ts';

/** The last open request handled: reopening the panel later does not replay it. */
let handledRequest = 0;

export function FindingsPanel() {
  const findings = useStore((s) => s.findings);
  const [text, setText] = useState('');
  const [hidden, setHidden] = useState<ReadonlySet<Severity>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  // A finding opened from elsewhere (a badge on a connection edge) opens here, whatever the filters hid.
  const request = useStore((s) => s.openFindingRequest);
  useEffect(() => {
    if (!request || request.n <= handledRequest) return;
    handledRequest = request.n;
    setOpenId(request.id);
    setText('');
    setHidden(new Set());
  }, [request]);
  // A finding an edit has just brought in opens on its own, fix and all: what was left open shows
  // while it is drawn. Another design (most ids gone) opens nothing.
  const seen = useRef<ReadonlySet<string> | null>(null);
  useEffect(() => {
    const before = seen.current;
    seen.current = new Set(findings.map((f) => f.id));
    if (!before || before.size === 0) return;
    const kept = findings.filter((f) => before.has(f.id)).length;
    if (kept * 2 < before.size) return;
    const fresh = findings.filter((f) => !before.has(f.id)).sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    if (fresh[0]) setOpenId(fresh[0].id);
  }, [findings]);
  const counts = useMemo(() => severityCounts(findings), [findings]);
  const groups = useMemo(() => groupFindings(findings, { text, hidden }), [findings, text, hidden]);
  const toggle = (s: Severity) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(s)) next.add(s);
      return next;
    });

  return (
    <section aria-labelledby="findings-heading" className="flex h-full min-h-0 flex-col bg-slate-50 dark:bg-slate-900/60">
      <header className="flex items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 id="findings-heading" className="shrink-0 text-[15px] font-semibold text-slate-900 dark:text-white">
          Findings <span className="font-normal text-slate-500 tabular-nums dark:text-slate-400">{findings.length}</span>
        </h2>
        <div role="group" aria-label="Severities" className="flex shrink-0 gap-1.5">
          {SEVERITIES.map((s) => {
            const shown = !hidden.has(s);
            return (
              <button
                key={s}
                type="button"
                aria-pressed={shown}
                aria-label={`${SEVERITY_STYLE[s].label}: ${counts[s]}`}
                onClick={() => toggle(s)}
                className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-[13px] font-medium ring-1 transition-opacity focus-visible:outline-2 focus-visible:outline-sky-600 ${
                  shown ? SEVERITY_STYLE[s].chip : 'bg-transparent text-slate-500 ring-slate-200 dark:ring-slate-700'
                } ${counts[s] === 0 && shown ? 'opacity-60' : ''}`}
              >
                <span className={`size-2 rounded-full ${shown ? SEVERITY_STYLE[s].dot : 'bg-slate-300 dark:bg-slate-600'}`} aria-hidden="true" />
                {SEVERITY_STYLE[s].label}
                <span className="tabular-nums">{counts[s]}</span>
              </button>
            );
          })}
        </div>
        <div className="flex-1" />
        <input
          type="search"
          aria-label="Filter findings"
          placeholder="Filter: SSH, DBSG, CIS 5.2…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="min-h-8 w-52 min-w-24 shrink rounded-lg bg-white px-2.5 text-[14px] text-slate-900 ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-sky-600 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600"
        />
        <IconButton icon="close" label="Close findings" className="size-8" onClick={() => designStore.getState().setFindingsOpen(false)} />
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto px-3 py-2">
        {findings.length === 0 ? (
          <p className="px-1 py-2 text-[15px] text-slate-600 dark:text-slate-300">No findings: every check passes on this design.</p>
        ) : groups.length === 0 ? (
          <p className="px-1 py-2 text-[15px] text-slate-600 dark:text-slate-300">No finding matches the filter.</p>
        ) : (
          groups.map((g) => (
            <section key={g.severity} aria-label={`${SEVERITY_STYLE[g.severity].label} findings`} className="mb-2">
              <h3 className={`flex items-center gap-2 px-3 pt-1 pb-0.5 text-[12px] font-semibold tracking-wider uppercase ${SEVERITY_STYLE[g.severity].text}`}>
                {SEVERITY_STYLE[g.severity].label}
                <span className="tabular-nums">{g.findings.length}</span>
              </h3>
              <ul className="flex flex-col gap-0.5">
                {g.findings.map((f) => (
                  <FindingItem key={f.id} finding={f} open={openId === f.id} onToggle={() => setOpenId((id) => (id === f.id ? null : f.id))} />
                ))}
              </ul>
            </section>
          ))
        )}
      </div>
    </section>
  );
}

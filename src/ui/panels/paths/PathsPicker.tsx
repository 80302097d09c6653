/** The question: reach from a source (to an optional target) or who reaches a resource, and the traffic filter. */
import { useState } from 'react';
import { useShallowStore, designStore } from '../../store/index.ts';
import { endFromKey, endKey, type PathFilter, type PathProtocol, type PathQuery } from '../../placement/paths/query.ts';

const field = 'min-h-9 min-w-0 rounded-lg bg-white px-2 text-[15px] text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-sky-600 focus:outline-none dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-600';

/** Options as "key\tlabel" strings: compared by value, so the picker re-renders only when names change. */
function useEndOptions(): { networks: string[]; resources: string[] } {
  const networks = useShallowStore((s) => Object.values(s.design.externalNetworks).filter((n) => n.kind !== 'internet').map((n) => `external:${n.id}\t${n.name}`));
  const resources = useShallowStore((s) => Object.values(s.design.resources).map((r) => `resource:${r.id}\t${r.name}`));
  return { networks, resources };
}

function Options({ list }: { list: string[] }) {
  return list.map((o) => {
    const [key, label] = o.split('\t');
    return (
      <option key={key} value={key}>
        {label}
      </option>
    );
  });
}

export function PathsPicker({ query }: { query: PathQuery | null }) {
  const { networks, resources } = useEndOptions();
  const s = designStore.getState();
  const mode = query?.mode ?? 'from';
  const filter = query?.filter ?? { protocol: 'all' };
  const sourceKey = query?.mode === 'from' ? endKey(query.source) : '';
  const targetKey = query?.mode === 'from' ? (query.target ? endKey(query.target) : '') : query ? `resource:${query.target}` : '';
  const firstResource = resources[0]?.split('\t')[0]?.slice('resource:'.length);
  const setMode = (m: 'from' | 'to') => {
    if (m === mode && query) return;
    if (m === 'from') s.reachFrom(query?.mode === 'to' ? { kind: 'resource', id: query.target } : { kind: 'internet' });
    else {
      const id = query?.mode === 'from' && query.target?.kind === 'resource' ? query.target.id : query?.mode === 'from' && query.source.kind === 'resource' ? query.source.id : firstResource;
      if (id) s.whoCanReach(id);
    }
  };
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label="Question" className="grid grid-cols-2 rounded-lg bg-slate-200/70 p-0.5 dark:bg-slate-800">
        {(['from', 'to'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m && query !== null}
            onClick={() => setMode(m)}
            className={`rounded-md px-2.5 py-1.5 text-[14px] font-medium focus-visible:outline-2 focus-visible:outline-sky-600 ${
              mode === m && query ? 'bg-white text-slate-900 shadow-sm dark:bg-slate-600 dark:text-white' : 'text-slate-600 hover:text-slate-900 dark:text-slate-300'
            }`}
          >
            {m === 'from' ? 'Reach from' : 'Who can reach'}
          </button>
        ))}
      </div>
      {mode === 'from' ? (
        <>
          <label className="grid min-w-0 grid-cols-[4.25rem_1fr] items-center gap-2">
            <span className="text-[13px] font-medium text-slate-600 dark:text-slate-300">Source</span>
            <select aria-label="Source" className={`${field} w-full`} value={sourceKey} onChange={(e) => { const end = endFromKey(e.target.value); if (end) s.reachFrom(end); }}>
              {!query && <option value="">Pick a source…</option>}
              <option value="internet">the Internet</option>
              {networks.length > 0 && <optgroup label="External networks"><Options list={networks} /></optgroup>}
              <optgroup label="Resources"><Options list={resources} /></optgroup>
            </select>
          </label>
          <label className="grid min-w-0 grid-cols-[4.25rem_1fr] items-center gap-2">
            <span className="text-[13px] font-medium text-slate-600 dark:text-slate-300">Target</span>
            <select aria-label="Target" className={`${field} w-full`} value={targetKey} disabled={!query} onChange={(e) => s.setPathTarget(endFromKey(e.target.value) ?? null)}>
              <option value="">everything it reaches</option>
              {sourceKey !== 'internet' && <option value="internet">the Internet</option>}
              {networks.length > 0 && <optgroup label="External networks"><Options list={networks.filter((o) => !o.startsWith(`${sourceKey}\t`))} /></optgroup>}
              <optgroup label="Resources"><Options list={resources.filter((o) => !o.startsWith(`${sourceKey}\t`))} /></optgroup>
            </select>
          </label>
        </>
      ) : (
        <label className="grid min-w-0 grid-cols-[4.25rem_1fr] items-center gap-2">
          <span className="text-[13px] font-medium text-slate-600 dark:text-slate-300">Resource</span>
          <select aria-label="Resource" className={`${field} w-full`} value={targetKey} onChange={(e) => { const end = endFromKey(e.target.value); if (end?.kind === 'resource') s.whoCanReach(end.id); }}>
            <Options list={resources} />
          </select>
        </label>
      )}
      <TrafficFilter filter={filter} disabled={!query} />
    </div>
  );
}

/** Protocol and port; a port that is not one is said in place and not applied. */
function TrafficFilter({ filter, disabled }: { filter: PathFilter; disabled: boolean }) {
  const [text, setText] = useState(filter.port === undefined ? '' : String(filter.port));
  const [issue, setIssue] = useState<string | null>(null);
  const [shownFor, setShownFor] = useState(filter);
  // Follow a filter set elsewhere (a new question keeps the filter; the text follows it).
  if (shownFor !== filter) {
    setShownFor(filter);
    setText(filter.port === undefined ? '' : String(filter.port));
    setIssue(null);
  }
  const ported = filter.protocol === 'tcp' || filter.protocol === 'udp';
  const apply = (protocol: PathProtocol, portText: string) => {
    const t = portText.trim();
    if (protocol !== 'tcp' && protocol !== 'udp') {
      setIssue(null);
      designStore.getState().setPathFilter({ protocol });
      return;
    }
    if (t === '') {
      setIssue(null);
      designStore.getState().setPathFilter({ protocol });
      return;
    }
    const port = Number(t);
    if (!/^\d+$/.test(t) || port > 65535) {
      setIssue('A port is a whole number from 0 to 65535, or empty for every port.');
      return;
    }
    setIssue(null);
    designStore.getState().setPathFilter({ protocol, port });
  };
  return (
    <div className="flex flex-col gap-0.5">
      <div className="flex items-center gap-3">
        <label className="grid grid-cols-[4.25rem_1fr] items-center gap-2">
          <span className="text-[13px] font-medium text-slate-600 dark:text-slate-300">Traffic</span>
          <select aria-label="Protocol" className={`${field} w-24`} value={filter.protocol} disabled={disabled} onChange={(e) => {
              // A new protocol applies at once; a port that was not one is dropped with it.
              const protocol = e.target.value as PathProtocol;
              if (issue) {
                setText('');
                apply(protocol, '');
              } else apply(protocol, text);
            }}>
            <option value="all">all</option>
            <option value="tcp">tcp</option>
            <option value="udp">udp</option>
            <option value="icmp">icmp</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <span className="text-[13px] font-medium text-slate-600 dark:text-slate-300">port</span>
          <input
            aria-label="Port"
            inputMode="numeric"
            placeholder={ported ? 'any' : '—'}
            disabled={disabled || !ported}
            value={ported ? text : ''}
            aria-invalid={issue ? true : undefined}
            aria-describedby={issue ? 'paths-port-issue' : undefined}
            onChange={(e) => {
              setText(e.target.value);
              apply(filter.protocol, e.target.value);
            }}
            className={`${field} w-24 font-mono disabled:opacity-50 ${issue ? 'ring-2 ring-red-600' : ''}`}
          />
        </label>
      </div>
      {issue && (
        <p id="paths-port-issue" role="alert" className="text-[13px] text-red-700 dark:text-red-300">
          {issue}
        </p>
      )}
    </div>
  );
}

/** A security-group chip: the group's name on its stable colour; optionally removable. */
import { useGroupColour } from './use-group-colour.ts';

export interface ChipProps {
  groupId: string;
  name: string;
  /** Larger chips in panels, compact ones on canvas cards. */
  size?: 'sm' | 'md';
  onRemove?: () => void;
  removeLabel?: string;
}

export function Chip({ groupId, name, size = 'sm', onRemove, removeLabel }: ChipProps) {
  const colour = useGroupColour(groupId);
  const text = size === 'sm' ? 'text-[13px] px-2 py-px max-w-[6.75rem]' : 'text-sm px-2.5 py-0.5';
  return (
    <span
      className={`inline-flex max-w-full items-center gap-1.5 rounded-full font-medium ring-1 ${colour.chip} ${text}`}
      // A named group (a bare span's aria-label is ignored by assistive technology); it may hold the remove button.
      role="group"
      aria-label={`${name}, security group`}
      data-group-id={groupId}
    >
      <span className={`size-2 shrink-0 rounded-full ${colour.swatch}`} aria-hidden="true" />
      <span className="truncate">{name}</span>
      {onRemove && (
        <button
          type="button"
          onClick={onRemove}
          aria-label={removeLabel ?? `Remove ${name}`}
          title={removeLabel ?? `Remove ${name}`}
          className="nodrag -mr-1 ml-0.5 inline-flex size-5 items-center justify-center rounded-full hover:bg-black/10 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-white/15"
        >
          <svg viewBox="0 0 24 24" className="size-3.5" fill="none" stroke="currentColor" strokeWidth={2.4} strokeLinecap="round" aria-hidden="true">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      )}
    </span>
  );
}

/**
 * The palette: drag an item onto the canvas (mouse: HTML5 drag; touch: pointer drag), or focus it
 * and press Enter to add it to the selected VPC or subnet.
 */
import { Fragment, type DragEvent } from 'react';
import { Icon } from '../components/Icon.tsx';
import { PALETTE, PALETTE_MIME, paletteItem, type PaletteItem } from '../placement/catalogue.ts';
import { keyboardTarget } from '../placement/keyboard-target.ts';
import { designStore } from '../store/index.ts';
import { useTouchDrag } from './use-touch-drag.ts';

const SECTIONS = [...new Set(PALETTE.map((i) => i.section))];

function addFromKeyboard(item: PaletteItem) {
  const { design, selectedId, place } = designStore.getState();
  place(item.kind, keyboardTarget(design, selectedId, item.kind));
}

function onDragStart(item: PaletteItem, e: DragEvent) {
  e.dataTransfer.setData(PALETTE_MIME, item.kind);
  e.dataTransfer.setData('text/plain', item.label);
  e.dataTransfer.effectAllowed = 'copy';
}

export function Palette() {
  const touch = useTouchDrag();
  return (
    <nav aria-label="Palette" className="flex flex-col gap-3">
      {SECTIONS.map((section) => (
        <Fragment key={section}>
          <h3 className="px-1 text-[12px] font-semibold tracking-wider text-slate-500 uppercase dark:text-slate-400">{section}</h3>
          <ul className="-mt-1.5 flex flex-col gap-1">
            {PALETTE.filter((i) => i.section === section).map((item) => (
              <li key={item.kind}>
                <button
                  type="button"
                  draggable
                  aria-label={item.label}
                  aria-describedby={`palette-hint-${item.kind}`}
                  title={`Drag onto ${item.goesInto === 'canvas' ? 'the canvas' : `a ${item.goesInto === 'vpc' ? 'VPC' : 'subnet'}`}, or press Enter to add`}
                  onDragStart={(e) => onDragStart(item, e)}
                  onClick={() => {
                    if (touch.suppressClick.current) {
                      touch.suppressClick.current = false;
                      return;
                    }
                    addFromKeyboard(item);
                  }}
                  onPointerDown={(e) => touch.onPointerDown(item.kind, e)}
                  onPointerMove={touch.onPointerMove}
                  onPointerUp={touch.onPointerUp}
                  onPointerCancel={touch.onPointerCancel}
                  data-palette-item={item.kind}
                  className="group flex w-full cursor-grab touch-none items-center gap-3 rounded-lg px-2 py-1.5 text-left ring-slate-300 transition-colors select-none hover:bg-white hover:ring-1 focus-visible:bg-white focus-visible:outline-2 focus-visible:outline-sky-600 active:cursor-grabbing dark:ring-slate-600 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
                >
                  <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-white text-slate-700 ring-1 ring-slate-200 group-hover:ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700">
                    <Icon name={item.kind} className="size-[22px]" />
                  </span>
                  <span className="min-w-0">
                    <span className="block text-[15px] leading-tight font-medium text-slate-800 dark:text-slate-100">{item.label}</span>
                    <span id={`palette-hint-${item.kind}`} className="block truncate text-[13px] text-slate-500 dark:text-slate-400">
                      {item.hint}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </Fragment>
      ))}
      {touch.ghost && (
        <div
          className="pointer-events-none fixed z-50 flex items-center gap-2 rounded-lg bg-white px-3 py-2 text-[15px] font-medium shadow-xl ring-2 ring-sky-600 dark:bg-slate-800"
          style={{ left: touch.ghost.x + 12, top: touch.ghost.y + 12 }}
          aria-hidden="true"
        >
          <Icon name={touch.ghost.kind} className="size-5" />
          {paletteItem(touch.ghost.kind).label}
        </div>
      )}
    </nav>
  );
}

/** What an empty canvas says: where to start. */
export function EmptyCanvasHint() {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
      <div className="max-w-md rounded-2xl border-2 border-dashed border-slate-300 bg-white/85 px-8 py-6 text-center dark:border-slate-600 dark:bg-slate-900/85">
        <p className="text-lg font-semibold text-slate-800 dark:text-slate-100">Start with a VPC</p>
        <p className="mt-1 text-[15px] text-slate-600 dark:text-slate-300">
          Drag <strong>VPC</strong> from the palette onto the canvas, then add subnets and resources into it. Keyboard: focus a palette item and press Enter.
        </p>
      </div>
    </div>
  );
}

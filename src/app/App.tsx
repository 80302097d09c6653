import { PreviewCanvas } from '../ui/canvas/PreviewCanvas.tsx';

/** Composition root. For now a placeholder page proving the stack (React, React Flow, Tailwind) renders. */
export function App() {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-6 py-10">
      <header className="flex flex-col gap-2">
        <h1 className="flex items-center gap-3 text-3xl font-semibold tracking-tight text-slate-900">
          <img src="/favicon.svg" alt="" className="size-8" />
          Tierwise
        </h1>
        <p className="text-slate-600">
          A visual designer for AWS networks that shows which traffic gets through before anything is deployed.
        </p>
      </header>
      <section aria-label="Preview canvas" className="h-96 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
        <PreviewCanvas />
      </section>
    </main>
  );
}

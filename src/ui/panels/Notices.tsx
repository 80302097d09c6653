/** The notice stack, bottom centre over the canvas. */
import { Toast } from '../components/Toast.tsx';
import { designStore, useStore } from '../store/index.ts';

export function Notices() {
  const notices = useStore((s) => s.notices);
  return (
    <div className="pointer-events-none absolute inset-x-0 bottom-4 z-20 flex flex-col items-center gap-2 px-4">
      {notices.map((n) => (
        <Toast key={n.id} tone={n.tone} text={n.text} onDismiss={() => designStore.getState().dismiss(n.id)} />
      ))}
    </div>
  );
}

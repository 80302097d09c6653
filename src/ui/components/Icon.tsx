/** Simple line icons (24px grid, currentColor) for the things a design holds. */
import type { ReactElement } from 'react';

export type IconName =
  | 'vpc'
  | 'public-subnet'
  | 'private-subnet'
  | 'instance'
  | 'instance-group'
  | 'load-balancer'
  | 'bastion'
  | 'database'
  | 'lambda'
  | 'nat-gateway'
  | 'internet-gateway'
  | 'internet'
  | 'external-network'
  | 'shield'
  | 'undo'
  | 'redo'
  | 'sun'
  | 'moon'
  | 'folder'
  | 'keyboard'
  | 'plus'
  | 'close'
  | 'trash'
  | 'copy'
  | 'upload'
  | 'download'
  | 'template'
  | 'route'
  | 'link'
  | 'check'
  | 'pencil';

const PATHS: Record<IconName, ReactElement> = {
  vpc: <path d="M7 18a4 4 0 0 1-.6-8A6 6 0 0 1 18 8.5a4.5 4.5 0 0 1-.5 9.5Z" />,
  'public-subnet': (
    <>
      <rect x="3.5" y="5" width="17" height="14" rx="2" />
      <path d="M3.5 10h17M9 5v14" />
    </>
  ),
  'private-subnet': (
    <>
      <rect x="3.5" y="5" width="17" height="14" rx="2" />
      <path d="M10 14.5h4v-2.5a2 2 0 0 0-4 0Zm-.5 0h5V17h-5Z" />
    </>
  ),
  instance: (
    <>
      <rect x="6" y="6" width="12" height="12" rx="1.5" />
      <path d="M9.5 9.5h5v5h-5ZM9 3v3M15 3v3M9 18v3M15 18v3M3 9h3M3 15h3M18 9h3M18 15h3" />
    </>
  ),
  'instance-group': (
    <>
      <rect x="3.5" y="8" width="11" height="11" rx="1.5" />
      <path d="M7.5 5h9A2.5 2.5 0 0 1 19 7.5v9M10.5 2.5h8A3 3 0 0 1 21.5 5.5v8" />
    </>
  ),
  'load-balancer': (
    <>
      <circle cx="12" cy="5.5" r="2.5" />
      <circle cx="5" cy="18.5" r="2.5" />
      <circle cx="12" cy="18.5" r="2.5" />
      <circle cx="19" cy="18.5" r="2.5" />
      <path d="M12 8v8M11 8l-5 8M13 8l5 8" />
    </>
  ),
  bastion: (
    <>
      <path d="M12 3 4.5 6v5.5c0 4.5 3.2 8.1 7.5 9.5 4.3-1.4 7.5-5 7.5-9.5V6Z" />
      <path d="M9 12.5 11 14.5 15 10" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  lambda: <path d="M6 4h3.5l8 16M13 11.5 7 20" />,
  'nat-gateway': (
    <>
      <path d="M4 8h12l-3-3M20 16H8l3 3" />
    </>
  ),
  'internet-gateway': (
    <>
      <path d="M4 20V9l8-5 8 5v11" />
      <path d="M9 20v-6h6v6" />
    </>
  ),
  internet: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.5 2.6 3.5 5.4 3.5 8.5s-1 5.9-3.5 8.5c-2.5-2.6-3.5-5.4-3.5-8.5s1-5.9 3.5-8.5Z" />
    </>
  ),
  'external-network': (
    <>
      <path d="M4 20V6l6-2v16M10 9h8v11" />
      <path d="M3 20h18M13 12h2M13 15.5h2M6.5 8.5h1M6.5 12h1M6.5 15.5h1" />
    </>
  ),
  shield: <path d="M12 3 4.5 6v5.5c0 4.5 3.2 8.1 7.5 9.5 4.3-1.4 7.5-5 7.5-9.5V6Z" />,
  undo: <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  redo: <path d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />,
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  moon: <path d="M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5Z" />,
  folder: <path d="M3.5 6.5A1.5 1.5 0 0 1 5 5h4.5l2 2.5H19a1.5 1.5 0 0 1 1.5 1.5v8.5A1.5 1.5 0 0 1 19 19H5a1.5 1.5 0 0 1-1.5-1.5Z" />,
  keyboard: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6 10h1M9.5 10h1M13 10h1M16.5 10h1M7 14h10" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  close: <path d="M6 6l12 12M18 6 6 18" />,
  trash: <path d="M4 7h16M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13M10 11v5M14 11v5" />,
  copy: (
    <>
      <rect x="8.5" y="8.5" width="11" height="11" rx="1.5" />
      <path d="M15.5 8.5V6A1.5 1.5 0 0 0 14 4.5H6A1.5 1.5 0 0 0 4.5 6v8A1.5 1.5 0 0 0 6 15.5h2.5" />
    </>
  ),
  upload: <path d="M12 16V4M7 9l5-5 5 5M4 16v3.5h16V16" />,
  download: <path d="M12 4v12M7 11l5 5 5-5M4 16v3.5h16V16" />,
  route: (
    <>
      <circle cx="6" cy="18" r="2.5" />
      <circle cx="18" cy="6" r="2.5" />
      <path d="M8.5 18H15a3 3 0 0 0 0-6H9a3 3 0 0 1 0-6h6.5" />
    </>
  ),
  link: <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1" />,
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  pencil: <path d="M4 20h4L19 9l-4-4L4 16Zm9-13 4 4" />,
  template: (
    <>
      <rect x="3.5" y="3.5" width="7" height="7" rx="1" />
      <rect x="13.5" y="3.5" width="7" height="7" rx="1" />
      <rect x="3.5" y="13.5" width="7" height="7" rx="1" />
      <rect x="13.5" y="13.5" width="7" height="7" rx="1" />
    </>
  ),
};

export function Icon({ name, className = 'size-5' }: { name: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" className={className} aria-hidden="true">
      {PATHS[name]}
    </svg>
  );
}

/**
 * Small line icons drawn in SVG rather than emoji or symbol glyphs, which are missing from
 * some systems' fonts (they show as empty boxes) and print poorly. Decorative: the text
 * next to an icon carries the meaning.
 */
const PATHS = {
  close: 'M6 6l12 12M18 6L6 18',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  chevronDown: 'M6 9l6 6l6-6',
  chevronLeft: 'M15 6l-6 6l6 6',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13M15.5 15.5L20 20',
  filter: 'M4 6h16M7 12h10M10 18h4',
  pin: 'M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11zM12 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5',
  plus: 'M12 5v14M5 12h14',
  download: 'M12 4v11M7 10.5l5 5l5-5M5 20h14',
  alert: 'M12 3.5L2.5 20h19zM12 10v4.5M12 17.2v.1',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

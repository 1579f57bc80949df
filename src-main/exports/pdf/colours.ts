// Colours of the PDF reports: the same scale as the screens (src-renderer/features/skills/gaps/GapBar.tsx).

export const INK = '#1f2933';
export const MUTED = '#6b7785';
export const RULE = '#d5dbe1';
export const STRIPE = '#f4f6f8';
export const TRACK = '#e9ecef';
export const ACCENT = '#0b7285';
export const COVERAGE = '#12b886';

/** Green when met (0); any shortfall runs from amber (small) to red (the whole scale short, 1). */
export function gapColour(gap: number): string {
  if (gap <= 0) return hslToHex(140, 55, 42);
  const share = Math.min(1, gap);
  return hslToHex(Math.round(48 * (1 - share)), 82, Math.round(58 - 10 * share));
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const s = saturation / 100;
  const l = lightness / 100;
  const chroma = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = l - chroma * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

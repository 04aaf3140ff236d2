import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/** A QR code as crisp SVG squares (no canvas, prints sharply). */
export function Qr({ text, label, size = 260 }: { text: string; label: string; size?: number }) {
  const cells = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(text);
    code.make();
    const count = code.getModuleCount();
    const dark: Array<[number, number]> = [];
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) if (code.isDark(row, col)) dark.push([col, row]);
    }
    return { count, dark };
  }, [text]);
  const quiet = 2;
  const span = cells.count + quiet * 2;
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${span} ${span}`}
      shapeRendering="crispEdges"
      className="qr"
    >
      <rect width={span} height={span} fill="#fff" />
      <path fill="#000" d={cells.dark.map(([x, y]) => `M${x + quiet} ${y + quiet}h1v1h-1z`).join('')} />
    </svg>
  );
}

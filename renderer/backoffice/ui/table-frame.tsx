// The frame of a wide table: on a narrow window or at 200 % zoom the table scrolls sideways inside it
// instead of pushing the page wider. While it scrolls, the frame takes the keyboard focus (arrow keys
// scroll it) and is named for screen readers; otherwise it stays out of the Tab order.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function TableFrame({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const check = () => setScrolls(frame.scrollWidth > frame.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(frame);
    if (frame.firstElementChild) observer.observe(frame.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="table-wrap"
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      {children}
    </div>
  );
}

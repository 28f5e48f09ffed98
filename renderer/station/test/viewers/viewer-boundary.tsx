// The office viewers' safety net: a file that makes a viewer fail while drawing (or a viewer's code
// that does not load) shows the "cannot be read" message, never a blank dialog or a broken screen.
import { Component, type ReactNode } from 'react';

export class ViewerBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('viewer: drawing failed', error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

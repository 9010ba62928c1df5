import type { ReactNode } from "react";

/** That something just happened as asked: announced to screen readers as it appears. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p className="notice notice--success" role="status">
      {children}
    </p>
  );
}

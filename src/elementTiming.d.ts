// The Element Timing API's attribute (Chromium): the browser reports when the element was painted.
import 'react';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the same parameter as React's declaration
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}

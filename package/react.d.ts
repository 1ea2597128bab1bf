// react.d.ts: written by `cargo run --example contract` from src/config.rs and
// src/contract.rs. Do not edit by hand. `import 'status-widget/react'` defines the element
// (as `import 'status-widget'` does) and adds it to React 19's JSX.

import type { HTMLAttributes, Key, Ref } from 'react';
import type { StatusWidgetAttributes, StatusWidgetElement, StatusWidgetEventMap } from './status-widget.js';

export * from './status-widget.js';

/** Listeners React 19 adds for `on<event name>` props on a custom element. */
export type StatusWidgetReactEvents = {
  'onstatus-widget:status-change'?: ((event: StatusWidgetEventMap['status-widget:status-change']) => void) | undefined;
  'onstatus-widget:incident-open'?: ((event: StatusWidgetEventMap['status-widget:incident-open']) => void) | undefined;
  'onstatus-widget:incident-update'?: ((event: StatusWidgetEventMap['status-widget:incident-update']) => void) | undefined;
  'onstatus-widget:incident-resolve'?: ((event: StatusWidgetEventMap['status-widget:incident-resolve']) => void) | undefined;
  'onstatus-widget:expand'?: ((event: StatusWidgetEventMap['status-widget:expand']) => void) | undefined;
  'onstatus-widget:collapse'?: ((event: StatusWidgetEventMap['status-widget:collapse']) => void) | undefined;
  'onstatus-widget:dismiss'?: ((event: StatusWidgetEventMap['status-widget:dismiss']) => void) | undefined;
  'onstatus-widget:error'?: ((event: StatusWidgetEventMap['status-widget:error']) => void) | undefined;
};

/** Props of `<status-widget>` in React 19's JSX: its attributes and events, and every
 * prop React gives an HTML element (`className`, `style`, `title`, `onClick`, `aria-*`, …). */
export type StatusWidgetReactProps = Omit<HTMLAttributes<StatusWidgetElement>, keyof StatusWidgetAttributes> &
  StatusWidgetAttributes &
  StatusWidgetReactEvents & {
    ref?: Ref<StatusWidgetElement> | undefined;
    key?: Key | null | undefined;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'status-widget': StatusWidgetReactProps;
    }
  }
}

// status-widget/react: the same module as `status-widget` (importing it defines the element);
// its types (react.d.ts) add <status-widget> to React 19's JSX.
export * from './status-widget.js';

// Each line below must be a type error: tests/e2e/package.test.mjs runs tsc on this file and
// expects exactly these errors, so the types are known to say no as well as yes.
import 'status-widget/react';

export const badMode = <status-widget mode="sideways" />;
export const badAttribute = <status-widget colour="red" />;
export const badHandler = <status-widget onstatus-widget:status-change={(event) => event.detail.severity} />;
export const badElement: HTMLDivElement = document.createElement('status-widget');
export const badPoll = <status-widget poll="soon" />;

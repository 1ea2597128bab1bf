import { useState } from 'react';
import 'status-widget/react';
import type { StatusChangeDetail } from 'status-widget';

const params = new URLSearchParams(location.search);
const sources = [params.get('a') ?? '/reference', params.get('b') ?? '/reference'];

export function App() {
  const [shown, setShown] = useState(true);
  const [source, setSource] = useState(0);
  const [mode, setMode] = useState<'banner' | 'page'>('banner');
  const [status, setStatus] = useState<StatusChangeDetail | null>(null);
  const [opened, setOpened] = useState(0);
  return (
    <main>
      <h1 id="title">React host</h1>
      <button id="toggle" onClick={() => setShown((s) => !s)}>Show or hide the widget</button>
      <button id="source" onClick={() => setSource((s) => 1 - s)}>Other source</button>
      <button id="mode" onClick={() => setMode((m) => (m === 'banner' ? 'page' : 'banner'))}>Other mode</button>
      <p>
        Status: <output id="status">{status ? `${status.page}: ${status.description}` : 'none yet'}</output>, opened{' '}
        <output id="opened">{opened}</output> times
      </p>
      {shown && (
        <status-widget
          src={sources[source]}
          mode={mode}
          poll={Number(params.get('poll') ?? 60)}
          locale="en-GB"
          time-zone="UTC"
          onstatus-widget:status-change={(event) => setStatus(event.detail)}
          onstatus-widget:expand={() => setOpened((n) => n + 1)}
        />
      )}
    </main>
  );
}

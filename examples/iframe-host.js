// The parent side of the iframe fallback: accept height reports only from the frame's own
// origin and only from that frame, and only a sane number.
const frame = document.getElementById('status-frame');
const expectedOrigin = new URL(frame.src, location.href).origin;
window.addEventListener('message', (event) => {
  if (event.origin !== expectedOrigin || event.source !== frame.contentWindow) return;
  const { type, height } = event.data ?? {};
  if (type === 'status-widget:height' && Number.isFinite(height) && height > 0 && height < 20000) {
    frame.style.height = `${Math.ceil(height)}px`;
  }
});

// labelcost-frame.js: for pages that embed labelcost in an iframe.
//
//   <iframe src="https://…/index.html?embed=1#s=1.…" data-labelcost …></iframe>
//   <script src="https://…/labelcost-frame.js" defer></script>
//
// Sizes each iframe[data-labelcost] to its content. It trusts a message only
// from that frame's window and from the origin of the frame's own address.
// Messages a labelcost frame sends: {source: "labelcost", type: "height",
// height} to any parent; {type: "ready"} and {type: "result", result} only to
// the origin named by ?parent=… in its address. A parent may send
// {source: "labelcost-host", type: "measure"} to any labelcost frame (it
// answers with its height), and {source: "labelcost-host", type: "load",
// scenario} to a frame whose address names the parent's origin.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.source !== 'labelcost' || data.type !== 'height') return;
  for (const frame of /** @type {NodeListOf<HTMLIFrameElement>} */ (document.querySelectorAll('iframe[data-labelcost]'))) {
    if (frame.contentWindow !== event.source) continue;
    if (new URL(frame.src, location.href).origin !== event.origin) return;
    const height = Number(data.height);
    if (Number.isFinite(height) && height > 0 && height < 100000) {
      frame.style.height = `${Math.ceil(height)}px`;
      frame.style.border = '0';
    }
    return;
  }
});

// A frame that started before this script did has reported its height to no
// one, and reports again only when it changes: ask each frame once. (One not
// yet started drops the request and reports by itself when it has started.)
for (const frame of /** @type {NodeListOf<HTMLIFrameElement>} */ (document.querySelectorAll('iframe[data-labelcost]'))) {
  try {
    frame.contentWindow?.postMessage({ source: 'labelcost-host', type: 'measure' }, new URL(frame.src, location.href).origin);
  } catch {
    // no address yet, or not one a message can go to
  }
}

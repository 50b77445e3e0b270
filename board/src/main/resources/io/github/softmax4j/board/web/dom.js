// Building the page from data: every text goes in through textContent, never as HTML.

/** An element: h('td', {class: 'num', onclick: f}, 'text', child, ...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(key, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The hash link of a run, a sweep or a view, each part of a name encoded. */
export function link(view, name) {
  return '#/' + view + (name ? '/' + name.split('/').map(encodeURIComponent).join('/') : '');
}

/** The link of the Curves view with these runs chosen: one run= each, so any name (a comma in it too) survives. */
export function curvesLink(names) {
  return '#/curves' + (names.length ? '?' + new URLSearchParams(names.map(name => ['run', name])) : '');
}

/** The API path of a run or sweep, each part of its name encoded. */
export function apiPath(kind, name, ...rest) {
  return '/api/' + kind + '/' + [...name.split('/'), ...rest].map(encodeURIComponent).join('/');
}

/** 28x28 (or side x side) uint8 pixels, light on black, drawn into a canvas scaled up. */
export function pixelCanvas(pixels, side, zoom) {
  const canvas = h('canvas', {width: side, height: side, class: 'pixels'});
  canvas.style.width = canvas.style.height = side * zoom + 'px';
  const context = canvas.getContext('2d');
  const image = context.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    image.data.set([pixels[i], pixels[i], pixels[i], 255], i * 4);
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

/** Bytes from base64. */
export function fromBase64(text) {
  return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

// The validator module: JSON datasets (downloaded from `src`, in an inline script, or from an editor)
// parsed and validated by wasm into the binary form the reader reads. Loaded by reported-figures.js
// only when a page has such a dataset; readers of pre-rendered charts never download it.
import init, { validateDataset } from './pkg/validator/reported_figures.js';

/** Instantiates the validator's wasm module; resolves to what the element uses. */
export async function load() {
  await init({ module_or_path: new URL('pkg/validator.wasm', import.meta.url) });
  return { validateDataset, fetchDataset };
}

/** Fetches a dataset as bytes with a time limit and a size limit; throws an Error with a reader's message. */
async function fetchDataset(url, MAX_INPUT_BYTES, FETCH_TIMEOUT_S) {
  const timeout = AbortSignal.timeout(FETCH_TIMEOUT_S * 1000);
  let res;
  try {
    res = await fetch(url, { signal: timeout, credentials: 'omit', redirect: 'follow', mode: 'cors' });
  } catch (e) {
    if (timeout.aborted) throw new Error(`no answer from ${url} within ${FETCH_TIMEOUT_S} seconds`);
    throw new Error(`could not load ${url}: the server did not answer, refused the request, or does not allow other sites to read it (CORS)`);
  }
  // Refusing a response cancels its body, so that the rest is never downloaded.
  const refuse = (message) => { res.body?.cancel().catch(() => {}); return new Error(message); };
  if (res.redirected && new URL(res.url).protocol === 'http:') {
    throw refuse(`could not use ${url}: it redirects to an insecure http: address (${res.url})`);
  }
  if (!res.ok) throw refuse(`could not load ${url}: the server answered ${res.status}${res.statusText ? ' ' + res.statusText : ''}`);
  const type = (res.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (type && !/^(application\/([\w.+-]+\+)?json|text\/json|text\/plain)$/.test(type)) {
    throw refuse(`could not use ${url}: the server sent ${type}, not JSON`);
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_INPUT_BYTES) throw refuse(`could not use ${url}: it is ${declared} bytes, more than the limit of ${MAX_INPUT_BYTES}`);
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_INPUT_BYTES) {
        reader.cancel();
        throw new Error(`could not use ${url}: it is more than the limit of ${MAX_INPUT_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (timeout.aborted) throw new Error(`no complete answer from ${url} within ${FETCH_TIMEOUT_S} seconds`);
    throw e;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { bytes.set(c, at); at += c.length; }
  return bytes;
}


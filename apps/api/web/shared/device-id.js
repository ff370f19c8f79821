// The device id a public page sends with a vote or a support (the API keeps only its keyed hash, and
// its burst flags read it): random, made once and kept on this phone under the page's own key,
// never tied to the person.
export function deviceId(storageKey) {
  let id = localStorage.getItem(storageKey);
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(storageKey, id);
  }
  return id;
}

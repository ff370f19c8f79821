// A signed-in session per page and per browser tab (sessionStorage): a shared office laptop
// forgets the token when the tab closes. Expired tokens are dropped on read.
export function createSession(key) {
  const read = () => {
    try {
      const value = JSON.parse(sessionStorage.getItem(key) ?? 'null');
      if (!value || !value.token) return null;
      if (value.expiresAt && Date.parse(value.expiresAt) <= Date.now()) {
        sessionStorage.removeItem(key);
        return null;
      }
      return value;
    } catch {
      return null;
    }
  };
  return {
    get: read,
    set: (value) => sessionStorage.setItem(key, JSON.stringify(value)),
    clear: () => sessionStorage.removeItem(key),
  };
}

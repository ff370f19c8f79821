/** The error `action` throws, to assert on its code and field; fails the test when nothing is thrown. */
export function errorOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, nothing was thrown');
}

// What the tablet knows right now. main.js and the handlers it wires change it; the rendering
// modules read it.
export const state = {
  /** The signed-in judge's session as POST /judge-sessions returned it. */
  session: undefined,
  judgeId: undefined,
  /** GET /judge/roadshow: the rubric and the slot on stage. */
  view: undefined,
  /** GET /judge/slots: every slot with this judge's own score. */
  slots: [],
  /** Per slot: unsent edits (drafts), the server's last answers (acks) and refusals (rejected). */
  local: { drafts: {}, acks: {}, rejected: {} },
  /** The live stream: 'connecting', 'open' or 'reconnecting'. */
  live: 'connecting',
  /** The heartbeat and the outbox's requests get answers from the API (false: the server cannot be reached). */
  reachable: true,
  /** The roadshow this tablet signs in to, from the judge link or the code sheet's QR code. */
  roadshowId: undefined,
  /** The view and slots came from the device because the server could not be reached. */
  fromCache: false,
  /** Why the sign-in form shows (a text key), e.g. an expired session. */
  notice: undefined,
};

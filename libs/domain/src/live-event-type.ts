/** Event names as the SSE `event:` field; clients switch on them, so they are persisted vocabulary. */
export enum LiveEventType {
  OrderDrawn = 'order.drawn',
  CurrentSlotChanged = 'slot.current',
  TimerStarted = 'timer.started',
  ScoringOpened = 'slot.scoring',
  /** Carries the count of judges who have submitted, never a value before the lock. */
  JudgeSubmitted = 'score.submitted',
  SlotLocked = 'slot.locked',
  /** A recusal set or withdrawn changed who scores a drawn project; carries the slot only, never the judge. */
  PanelChanged = 'slot.panel',
}

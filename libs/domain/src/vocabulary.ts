/** Persisted values: spelled out, never renamed without a migration. */

export enum OrganizationKind {
  Community = 'community',
  SocialOrganization = 'social-organization',
  VolunteerTeam = 'volunteer-team',
  PartyBranch = 'party-branch',
}

export enum Role {
  Office = 'office',
  Applicant = 'applicant',
  Judge = 'judge',
  Evaluator = 'evaluator',
  /** A resident verified for one public vote round; never an account. */
  Voter = 'voter',
  /** A resident verified for the needs walls (点单), by phone or a community's code; never an account. */
  Resident = 'resident',
  Admin = 'admin',
}

export enum SubmissionState {
  Draft = 'draft',
  Submitted = 'submitted',
  Withdrawn = 'withdrawn',
}

export enum ScreeningStatus {
  Pending = 'pending',
  Passed = 'passed',
  Rejected = 'rejected',
}

export enum SlotState {
  Waiting = 'waiting',
  Presenting = 'presenting',
  Scoring = 'scoring',
  Locked = 'locked',
}

export enum JudgeGroup {
  Expert = 'expert',
  Department = 'department',
  Media = 'media',
  Resident = 'resident',
}

export enum RecusalSource {
  Declared = 'declared',
  Office = 'office',
  Automatic = 'automatic',
}

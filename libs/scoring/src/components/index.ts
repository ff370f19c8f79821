export { donationPointsOf, votePointsOf, type DonationPointsRule } from './component-points';

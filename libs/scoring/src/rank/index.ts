export type * from './rank.types';
export { rank } from './rank';
export {
  rankProjects,
  type ProjectFacts,
  type ProjectRanking,
  type ProjectRankingPolicy,
  type ProjectTieBreak,
} from './rank-projects';

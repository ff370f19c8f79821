import { meanRating, satisfactionPoints } from '@app/grants';
import { EvaluationRound } from '@app/persistence';
import { ResidentSatisfactionDto } from './dto/evaluation-response.dto';
import { EvaluationsRepository } from './evaluations.repository';

/**
 * 满意度 from residents, as the office's round view and the evaluators' tablets show it beside the
 * criterion the office chose when opening the round: per grant, the number of ratings, their mean
 * and that mean on the criterion's scale (libs/grants). Null for every grant when the office chose none.
 */
export async function residentSatisfactionOf(
  evaluations: EvaluationsRepository,
  round: Pick<EvaluationRound, 'rules' | 'residentSatisfactionCriterion'>,
  grantIds: readonly string[],
): Promise<(grantId: string) => ResidentSatisfactionDto | null> {
  const criterion = round.rules.rubric.find((c) => c.key === round.residentSatisfactionCriterion);
  if (!criterion) return () => null;
  const ratings = await evaluations.residentRatings(grantIds);
  return (grantId) => {
    const tally = ratings.get(grantId) ?? { count: 0, sum: 0 };
    return {
      criterion: criterion.key,
      ratings: tally.count,
      mean: meanRating(tally),
      points: satisfactionPoints(tally, criterion.maxPoints),
      maxPoints: criterion.maxPoints,
    };
  };
}

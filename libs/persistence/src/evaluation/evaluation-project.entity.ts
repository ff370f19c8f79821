import { Entity } from 'typeorm';
import { RoundProject } from './round-project';

/** A grant a round evaluates, and the stage whose tranche its pass releases (a re-evaluation's is the failed one's). */
@Entity({ name: 'evaluation_project' })
export class EvaluationProject extends RoundProject {}

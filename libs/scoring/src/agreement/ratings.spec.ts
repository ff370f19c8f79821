import { ScoringErrorCode } from '../scoring.error';
import { panelOffsets, ratingMatrix } from './ratings';
import { parseRatingsCsv } from './ratings-csv';
import { scoringErrorOf } from '../aggregate/aggregation.factory';

describe('ratings', () => {
  it('builds the items × judges table in first-seen order', () => {
    const matrix = ratingMatrix([
      { item: 'B', judge: 'j2', score: '7' },
      { item: 'B', judge: 'j1', score: 8 },
      { item: 'A', judge: 'j1', score: '6.5' },
      { item: 'A', judge: 'j2', score: '9' },
    ]);
    expect(matrix.items).toEqual(['B', 'A']);
    expect(matrix.judges).toEqual(['j2', 'j1']);
    expect(matrix.scores.map((row) => row.map((s) => s.toDecimalString()))).toEqual([
      ['7', '8'],
      ['9', '6.5'],
    ]);
  });

  it('names the cell a judge did not score, and a cell scored twice', () => {
    expect(
      scoringErrorOf(() =>
        ratingMatrix([
          { item: 'A', judge: 'j1', score: 1 },
          { item: 'A', judge: 'j2', score: 1 },
          { item: 'B', judge: 'j1', score: 1 },
        ]),
      ),
    ).toMatchObject({ code: ScoringErrorCode.MissingRating, field: 'B.j2' });
    expect(
      scoringErrorOf(() =>
        ratingMatrix([
          { item: 'A', judge: 'j1', score: 1 },
          { item: 'A', judge: 'j1', score: 2 },
        ]),
      ),
    ).toMatchObject({ code: ScoringErrorCode.DuplicateId, field: 'ratings.1' });
  });

  it('measures each score against the mean of the other judges on the same item', () => {
    const offsets = panelOffsets([
      { item: 'A', judge: 'j1', score: 9 },
      { item: 'A', judge: 'j2', score: 7 },
      { item: 'A', judge: 'j3', score: 8 },
      { item: 'B', judge: 'j1', score: 5 },
    ]);
    expect(offsets.map((o) => [o.judge, o.offset.toDecimalString()])).toEqual([
      ['j1', '1.5'],
      ['j2', '-1.5'],
      ['j3', '0'],
    ]);
  });

  describe('parseRatingsCsv', () => {
    it('reads the header, quoted fields, CRLF line ends and a BOM', () => {
      const ratings = parseRatingsCsv('\uFEFFitem,judge,score\r\n"五顶岗, 便民",j1,8.5\r\n\r\nA,"j ""2""",9\r\n');
      expect(ratings).toEqual([
        { item: '五顶岗, 便民', judge: 'j1', score: '8.5' },
        { item: 'A', judge: 'j "2"', score: '9' },
      ]);
    });

    it('accepts the columns in any order', () => {
      expect(parseRatingsCsv('score,item,judge\n7,A,j1\n')).toEqual([{ item: 'A', judge: 'j1', score: '7' }]);
    });

    it('names the line of a missing header column, a non-numeric score or an empty judge', () => {
      expect(scoringErrorOf(() => parseRatingsCsv('A,j1,8\n'))).toMatchObject({
        code: ScoringErrorCode.InvalidInput,
        field: 'line 1',
      });
      expect(scoringErrorOf(() => parseRatingsCsv('item,judge,score\nA,j1,8\nA,j2,eight\n'))).toMatchObject({
        code: ScoringErrorCode.InvalidNumber,
        field: 'line 3',
      });
      expect(scoringErrorOf(() => parseRatingsCsv('item,judge,score\nA,,8\n'))).toMatchObject({
        code: ScoringErrorCode.InvalidInput,
        field: 'line 2',
      });
      expect(scoringErrorOf(() => parseRatingsCsv(''))).toMatchObject({ code: ScoringErrorCode.InvalidInput });
    });
  });
});

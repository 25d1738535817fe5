/** Figures in story text ("90%", "3 hours 40 minutes", "$12k", "1,200 rows"), shared by `check` and the cheat sheet. */

const UNIT =
  '%|‰|×|x|k|K|M|B|bn|[KMGTP]i?B|[kKMGT]b(?:ps)?|ms|µs|ns|s|h|hrs?|hours?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|yrs?|times|percent|pp|points?|rps|qps|req/s|users|customers|rows|hosts|servers|nodes|engineers|teams|people|tickets|bugs|incidents';

/** A figure: currency, a number with separators, an optional range, then a unit; never part of a name ("S3", "EC2"). */
export const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:[$€£¥]\\s?)?\\d+(?:[.,]\\d+)*(?:\\s?(?:–|-|to)\\s?\\d+(?:[.,]\\d+)*)?\\+?(?:(?:\\s|-)?(?:${UNIT})(?![\\p{L}\\p{N}]))?(?:\\s\\d+(?:[.,]\\d+)*\\s?(?:minutes?|mins?|seconds?|s))?(?![\\p{L}\\p{N}])`,
  'gu',
);

const NUMBER_WORDS = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|half|double|doubled|tripled|twice|thrice|percent)\b/i;

/** Whether text states a figure (a digit not part of a name such as "S3" or "EC2"). */
export function hasFigure(text: string): boolean {
  FIGURE.lastIndex = 0;
  const found = FIGURE.test(text);
  // The regex is global and shared: leave it at the start for the next user (matchAll, exec).
  FIGURE.lastIndex = 0;
  return found;
}

/** Whether text states a measurable outcome: a figure or a number word ("doubled", "half", "three"). */
export function statesOutcome(text: string): boolean {
  return hasFigure(text) || NUMBER_WORDS.test(text);
}

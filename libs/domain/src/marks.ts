/**
 * Places a judge's mark may have (22.75, never 22.755). The API refuses a sheet with more, the
 * worker hands it to libs/scoring as the rubric's markDecimals, and the tablet steps and checks
 * marks with it, so a mark the tablet accepts is one the server keeps.
 */
export const MARK_DECIMALS = 2;

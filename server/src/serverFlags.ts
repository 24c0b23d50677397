/**
 * Node options the language server runs with, given by the extension when it starts the server (and
 * by the tests and the benchmark, which start it as the extension does, so that they measure what
 * the editor gets). None at present, after measuring the young generation's cap (V8 lets each
 * semi-space grow to 16 MB):
 * - capped at 8 MB, the server held about 125 MB after the 10,000-file scan instead of 140, but a
 *   large file's analysis was collected two or three times while its syntax tree was alive, each
 *   collection copying the tree: a 1 MB task definition took 50–57 ms instead of 43–45, a
 *   2,000-line CDK stack 22–25 ms instead of 11 (typing in a typical file costs the same either way);
 * - capped at 12 MB, analysis and memory were the same as with the default.
 */
export const SERVER_EXEC_ARGV: string[] = [];

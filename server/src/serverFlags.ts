/**
 * Node options the language server runs with, given by the extension when it starts the server (and
 * by the tests and the benchmark, which start it as the extension does). V8 lets the young generation
 * grow to 16 MB per semi-space and keeps it; a workspace scan's burst of short-lived strings makes it
 * do so, and the server then holds that memory for the rest of the session. At 8 MB the 10,000-file
 * scan is as fast and the server holds about 20 MB less afterwards (40 MB less at the peak); a large
 * file's analysis costs about 5% more in collections.
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=8'];

/**
 * The command line ({@code java -jar auscult.jar <command>}), a thin face on the core built with picocli:
 * {@code info}, {@code features}, {@code train}, {@code evaluate}, {@code classify}, {@code segment},
 * {@code labels} and {@code bench}. Exit codes: 0 success, 1 some input failed (the rest was processed and written,
 * the failures listed at the end), 2 usage error. This is the only package that writes to the terminal.
 */
package org.auscult.cli;

/**
 * File writing shared by every part of Auscult: {@link org.auscult.io.AtomicFiles} writes to a temporary file
 * beside the target, forces it to disk and moves it into place in one step, and replaces an existing file only when
 * asked, so neither a crash nor a second writer ever leaves half a file or loses a user's one.
 */
package org.auscult.io;
